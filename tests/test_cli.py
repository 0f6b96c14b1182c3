import io
import json
import subprocess
import sys

import pytest

from extractor import cli

ARTICLE = "به گزارش ایرنا، سیجانی گفت: 22 واحد صنعتی با اعتبار 30 میلیارد تومان فعال شد.\n"


def _run(arguments, capsys, stdin_text=None, monkeypatch=None):
    if stdin_text is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8"))))
    status = cli.main(arguments)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _documents(jsonl: str) -> list[dict]:
    return [json.loads(line) for line in jsonl.splitlines()]


def test_cli_default_runs_on_bundled_sample(capsys):
    status, out, _ = _run(["extract", "--reference-date", "2018-07-04"], capsys)
    (document,) = _documents(out)
    assert status == 0
    assert document["id"] == "qom_industry_irna.txt"
    assert len(document["paragraphs"]) == 28
    assert "میلیارد تومان" in out  # Persian is written as is, not \u-escaped


def test_cli_folder_recursive_with_progress_and_bad_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "nested" / "c.txt").write_bytes("خبر".encode("cp1256"))
    (tmp_path / "ignored.md").write_text(ARTICLE, encoding="utf-8")
    output = tmp_path / "out.jsonl"
    status, out, err = _run(["extract", str(tmp_path), "-o", str(output)], capsys)
    assert status == cli.EXIT_SOME_INPUTS_FAILED
    assert out == ""
    assert f"{tmp_path / 'nested' / 'c.txt'}: is not UTF-8 text" in err
    assert "3/3 files" in err and "1 failed" in err
    documents = _documents(output.read_text(encoding="utf-8"))
    assert [document["id"] for document in documents] == [str(tmp_path / "a.txt"), str(tmp_path / "nested" / "b.txt")]
    assert [fact["value"] for fact in documents[0]["facts"]] == [22, 30_000_000_000]


def test_cli_missing_file_is_named_and_batch_goes_on(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    status, out, err = _run(["extract", str(tmp_path / "missing.txt"), str(good)], capsys)
    assert status == cli.EXIT_SOME_INPUTS_FAILED
    assert f"{tmp_path / 'missing.txt'}: no such file" in err
    assert len(_documents(out)) == 1


def test_cli_standard_input(capsys, monkeypatch):
    status, out, _ = _run(["extract", "-"], capsys, stdin_text=ARTICLE, monkeypatch=monkeypatch)
    (document,) = _documents(out)
    assert (status, document["id"], document["source"]) == (0, "-", "ایرنا")


def test_cli_output_is_atomic_when_interrupted(tmp_path, capsys, monkeypatch):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    output = tmp_path / "out.jsonl"
    output.write_text("previous run\n", encoding="utf-8")
    calls = []

    def interrupted_extract(*arguments, **keywords):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_extract(*arguments, **keywords)

    real_extract = cli.extract
    monkeypatch.setattr(cli, "extract", interrupted_extract)
    status, _, err = _run(["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(output)], capsys)
    assert status == cli.EXIT_INTERRUPTED
    assert "interrupted" in err
    assert output.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt", "b.txt", "out.jsonl"]


def test_cli_rejects_bad_reference_date(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["extract", "--reference-date", "14/04/1397"])
    assert exit_info.value.code == cli.EXIT_USAGE
    assert "is not a date in the form YYYY-MM-DD" in capsys.readouterr().err


def test_cli_output_folder_must_exist(tmp_path, capsys):
    status, _, err = _run(["extract", "-o", str(tmp_path / "no" / "out.jsonl")], capsys)
    assert status == cli.EXIT_USAGE
    assert "its folder does not exist" in err


def test_cli_empty_folder_is_reported(tmp_path, capsys):
    status, out, err = _run(["extract", str(tmp_path)], capsys)
    assert (status, out) == (cli.EXIT_SOME_INPUTS_FAILED, "")
    assert "holds no *.txt files" in err


def test_cli_table_format(capsys):
    status, out, _ = _run(["extract", "--format", "table"], capsys)
    assert status == 0
    assert out.splitlines()[0].startswith("# qom_industry_irna.txt: 28 paragraphs kept, 27 duplicates")
    assert "percent\t90\tpercent\tmore_than\t90 درصد" in out


def test_cli_schema_command(capsys):
    status, out, _ = _run(["schema"], capsys)
    assert status == 0 and json.loads(out)["title"] == "Document"


def test_cli_python_dash_m_and_console_script():
    for command in ([sys.executable, "-m", "extractor"], ["khabar"]):
        if command == ["khabar"]:
            command = [str(__import__("pathlib").Path(sys.executable).with_name("khabar"))]
        result = subprocess.run([*command, "extract", "-"], input=ARTICLE, capture_output=True, text=True, check=True)
        assert json.loads(result.stdout)["facts"][0]["text"] == "22 واحد"
