"""The Dask engine against a real distributed.LocalCluster with two worker processes started here."""

import json

import pytest

from extractor import cli, extract

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")
from extractor.dask_engine import extract_bag  # noqa: E402  (needs dask)

pytestmark = pytest.mark.slow  # a Dask cluster of worker processes

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


@pytest.mark.parametrize(
    "address, message",
    [
        ("tcp://localhost:notaport", "is not a scheduler address such as tcp://10.0.0.5:8786"),
        ("nonsense address", "is not a scheduler address such as tcp://10.0.0.5:8786"),
        ("localhost:99999", "port 99999 is not a port number (1 to 65535)"),
    ],
)
def test_dask_malformed_scheduler_address_is_one_clear_line(capsys, address, message):
    assert cli.main(["extract", "--engine", "dask", "--scheduler", address]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.splitlines()) == 1


@pytest.fixture
def listening_socket():
    """A loopback port that accepts connections and answers as `answer` says (bounded: closed after the test)."""
    import socket
    import threading

    server = socket.create_server(("127.0.0.1", 0))
    accepted = []

    def serve(answer: bytes | None) -> None:
        server.settimeout(30)
        try:
            while True:
                connection, _ = server.accept()
                accepted.append(connection)
                if answer is not None:
                    connection.sendall(answer)
        except OSError:
            return

    def start(answer: bytes | None) -> str:
        threading.Thread(target=serve, args=(answer,), daemon=True).start()
        return f"tcp://127.0.0.1:{server.getsockname()[1]}"

    yield start
    server.close()
    for connection in accepted:
        connection.close()


def test_dask_scheduler_address_where_a_web_server_answers_is_one_clear_line(capsys, listening_socket):
    address = listening_socket(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello" * 20)
    assert cli.main(["extract", "--engine", "dask", "--scheduler", address]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert f"{address}: no Dask scheduler answers there" in err and len(err.splitlines()) == 1


def test_dask_scheduler_address_where_nothing_answers_fails_in_bounded_time(capsys, listening_socket, monkeypatch):
    from extractor import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_SECONDS", 1)
    address = listening_socket(None)
    started = __import__("time").monotonic()
    assert cli.main(["extract", "--engine", "dask", "--scheduler", address]) == cli.EXIT_USAGE
    assert __import__("time").monotonic() - started < 10
    err = capsys.readouterr().err
    assert err.startswith("khabar: error: ") and address in err and len(err.splitlines()) == 1
