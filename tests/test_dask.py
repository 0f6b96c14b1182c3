"""The Dask engine against a real distributed.LocalCluster with two worker processes started here."""

import json

import pytest

from extractor import cli, extract

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")
from extractor.dask_engine import extract_bag  # noqa: E402  (needs dask)

TEXTS = [f"به گزارش ایرنا، سیجانی گفت: {index + 2} واحد با {index + 1} میلیارد تومان فعال شد." for index in range(30)]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as local:
        yield local


def test_dask_cli_engine_equals_single_process(cluster, tmp_path, capsys):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"n{i:02d}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(TEXTS)), "utf-8")
    common = ["extract", str(corpus), "--id-field", "id"]
    assert cli.main([*common, "-j", "1"]) == 0
    local = capsys.readouterr().out
    assert cli.main([*common, "--engine", "dask", "--scheduler", cluster.scheduler_address]) == 0
    on_cluster = capsys.readouterr().out
    assert sorted(on_cluster.splitlines()) == sorted(local.splitlines())
    assert on_cluster == local  # and in input order


def test_dask_bag_of_texts(cluster):
    with distributed.Client(cluster.scheduler_address):
        documents = extract_bag(dask_bag.from_sequence(TEXTS, npartitions=4)).compute()
    assert documents == [extract(text).model_dump_json() for text in TEXTS]


def test_dask_engine_needs_a_scheduler(capsys):
    assert cli.main(["extract", "--engine", "dask"]) == cli.EXIT_USAGE
    assert "--engine dask needs --scheduler" in capsys.readouterr().err


def test_dask_unreachable_scheduler_is_a_clear_error(capsys):
    assert cli.main(["extract", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1"]) == cli.EXIT_USAGE
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
