"""The batch front end under hostile input and interruption: one bad document never takes the batch,
errors name the document and say what to do, nothing finished is lost when a run is stopped."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor import batch, cli

ARTICLE = "به گزارش ایرنا، سیجانی گفت: 22 واحد صنعتی با اعتبار 30 میلیارد تومان فعال شد."
KHABAR = [sys.executable, "-m", "extractor"]


def _run(arguments, capsys):
    status = cli.main(arguments)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _ids(jsonl: str) -> list:
    return [json.loads(line)["id"] for line in jsonl.splitlines()]


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _records(count: int, text: str = ARTICLE) -> list[str]:
    return [json.dumps({"id": f"d{index}", "text": text}, ensure_ascii=False) for index in range(count)]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_a_document_that_breaks_khabar_is_named_and_the_batch_goes_on(tmp_path, capsys, monkeypatch, jobs):
    real_extract = batch.extract_json  # what the batch runs for JSON lines

    def failing_on_one(text, *arguments, **keywords):
        if "بد" in text:
            raise RuntimeError("a bug")
        return real_extract(text, *arguments, **keywords)

    monkeypatch.setattr(batch, "extract_json", failing_on_one)  # workers are forked: they see it too
    lines = _records(6)
    lines[3] = json.dumps({"id": "bad", "text": "سند بد 5 واحد"}, ensure_ascii=False)
    corpus = _write_lines(tmp_path / "news.jsonl", lines)
    status, out, err = _run(["extract", str(corpus), "--id-field", "id", "-j", jobs], capsys)
    assert status == cli.EXIT_SOME_INPUTS_FAILED
    assert _ids(out) == ["d0", "d1", "d2", "d4", "d5"]
    assert f"{corpus}:4 (id bad): khabar failed on it (RuntimeError: a bug)" in err
    assert "Traceback" not in err


def test_cli_hostile_records_are_extracted_or_named(tmp_path, capsys):
    lines = [
        '{"id": "surrogate", "text": "قیمت \\ud800 30 درصد"}',
        json.dumps({"id": "long", "text": "5 واحد " * 1000}),
        json.dumps({"id": "digits", "text": "1" * 5000 + " تومان"}),
        json.dumps({"id": "controls", "text": "قیمت 30\u0000میلیارد\u0001تومان"}),
    ]
    corpus = _write_lines(tmp_path / "news.jsonl", lines)
    status, out, err = _run(["extract", str(corpus), "--id-field", "id", "--max-characters", "6000", "-j", "2"], capsys)
    assert status == cli.EXIT_SOME_INPUTS_FAILED
    assert _ids(out) == ["surrogate", "digits", "controls"]
    assert f"{corpus}:2 (id long): the document has 7,000 characters, over the limit of 6,000" in err


def test_cli_output_that_is_a_folder_is_a_usage_error_before_any_work(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(batch, "warm_up", lambda: pytest.fail("work started"))
    for command in (["extract"], ["dedupe"], ["schema"]):
        status, _, err = _run([*command, "-o", str(tmp_path)], capsys)
        assert status == cli.EXIT_USAGE
        assert f"{tmp_path}: is a folder; -o takes the name of a file to write" in err


@pytest.mark.parametrize("threshold", ["1.5", "0", "-0.2", "high"])
def test_cli_dedupe_threshold_must_be_a_similarity(capsys, threshold):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["dedupe", "--threshold", threshold])
    assert exit_info.value.code == cli.EXIT_USAGE
    assert "--threshold" in capsys.readouterr().err


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"text": 42}', "its text field 'text' is a number, not a string"),
        ('{"text": null}', "its text field 'text' is null, not a string"),
        ('{"text": ["a"]}', "its text field 'text' is an array, not a string"),
        ('{"body": "x"}', "has no text field 'text' (name the field with --text-field)"),
        ('["text"]', "is an array, not a JSON object with a text field 'text'"),
        ("null", "is null, not a JSON object with a text field 'text'"),
        ('{"text": "x",}', "not valid JSON: Expecting property name enclosed in double quotes at column 14"),
    ],
)
def test_cli_jsonl_record_without_a_text_says_why(tmp_path, capsys, line, message):
    corpus = _write_lines(tmp_path / "news.jsonl", [line])
    status, _, err = _run(["extract", str(corpus)], capsys)
    assert status == cli.EXIT_SOME_INPUTS_FAILED
    assert f"khabar: error: {corpus}:1: {message}\n" in err


def test_cli_utf16_file_gets_a_utf16_hint(tmp_path, capsys):
    (tmp_path / "article.txt").write_bytes(ARTICLE.encode("utf-16"))
    status, _, err = _run(["extract", str(tmp_path / "article.txt")], capsys)
    assert status == cli.EXIT_SOME_INPUTS_FAILED
    assert "is not UTF-8 text (it looks like UTF-16; convert it first, e.g. `iconv -f utf-16 -t utf-8`)" in err


def test_cli_windows_1256_file_gets_its_hint(tmp_path, capsys):
    (tmp_path / "article.txt").write_bytes(ARTICLE.replace("ی", "ي").encode("cp1256"))
    _, _, err = _run(["extract", str(tmp_path / "article.txt")], capsys)
    assert "if it is Windows Persian text, convert it first, e.g. `iconv -f windows-1256 -t utf-8`" in err


def _stdin(monkeypatch, text: str) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_cli_standard_input_as_json_lines(capsys, monkeypatch):
    _stdin(monkeypatch, "\n".join(_records(3)) + "\n")
    status, out, _ = _run(["extract", "-", "--stdin-format", "jsonl", "--id-field", "id"], capsys)
    assert (status, _ids(out)) == (0, ["d0", "d1", "d2"])


def test_cli_json_lines_on_standard_input_read_as_text_are_one_document_with_a_warning(capsys, monkeypatch):
    _stdin(monkeypatch, "\n".join(_records(3)) + "\n")
    status, out, err = _run(["extract", "-"], capsys)
    assert (status, _ids(out)) == (0, ["-"])
    assert "standard input looks like JSON lines" in err and "--stdin-format jsonl" in err


def test_cli_resume_keeps_every_document_once_when_ids_repeat(tmp_path, capsys):
    corpus = _write_lines(tmp_path / "news.jsonl", [json.dumps({"id": "same", "text": f"{n} واحد"}) for n in (5, 6, 7)])
    output = tmp_path / "out.jsonl"
    common = ["extract", str(corpus), "--id-field", "id", "-o", str(output), "-j", "1"]
    _, _, err = _run(common, capsys)
    assert "id 'same' is given to more than one document" in err
    complete = output.read_text(encoding="utf-8")
    output.write_text(complete.splitlines(keepends=True)[0], encoding="utf-8")  # a run that finished one
    status, _, err = _run([*common, "--resume"], capsys)
    assert status == 0 and "1 kept from the earlier run" in err
    assert output.read_text(encoding="utf-8") == complete
    assert [document["facts"][0]["value"] for document in map(json.loads, complete.splitlines())] == [5, 6, 7]


def test_cli_resume_takes_the_finished_documents_of_a_killed_runs_partial_file(tmp_path, capsys, monkeypatch):
    corpus = _write_lines(tmp_path / "news.jsonl", _records(5))
    output = tmp_path / "out.jsonl"
    common = ["extract", str(corpus), "--id-field", "id", "-o", str(output), "-j", "1"]
    _run(common, capsys)
    complete = output.read_text(encoding="utf-8").splitlines(keepends=True)
    output.unlink()
    dead_pid = 2**22 + 12345  # above the kernel's largest PID: no such process
    stale = tmp_path / f".out.jsonl.{dead_pid}.x1y2.partial"
    stale.write_text("".join(complete[:3]) + complete[3][:40], encoding="utf-8")  # killed while writing d3
    extracted = []
    real_process = batch.process
    monkeypatch.setattr(batch, "process", lambda record, *a, **k: extracted.append(record.id) or real_process(record, *a, **k))
    status, _, err = _run([*common, "--resume"], capsys)
    assert status == 0
    assert "partial files of a killed run" in err
    assert extracted == ["d3", "d4"]
    assert output.read_text(encoding="utf-8") == "".join(complete)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["news.jsonl", "out.jsonl"]


def test_cli_run_without_resume_cleans_up_stale_partial_files(tmp_path, capsys):
    corpus = _write_lines(tmp_path / "news.jsonl", _records(2))
    (tmp_path / ".out.jsonl.4206000.abc.partial").write_text("old\n", encoding="utf-8")
    (tmp_path / ".other.jsonl.4206000.abc.partial").write_text("not ours\n", encoding="utf-8")
    assert _run(["extract", str(corpus), "-o", str(tmp_path / "out.jsonl"), "-j", "1"], capsys)[0] == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [".other.jsonl.4206000.abc.partial", "news.jsonl", "out.jsonl"]


def _start(arguments: list[str], tmp_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [*KHABAR, *arguments], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path, start_new_session=True
    )


def _wait_for_partial(tmp_path: Path, process: subprocess.Popen) -> Path:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        partials = list(tmp_path.glob(".out.jsonl.*.partial"))
        if partials and partials[0].stat().st_size > 0:
            return partials[0]
        time.sleep(0.05)
    pytest.fail(f"no partial output appeared: {process.communicate()}")


def _workers(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in children.read_text().split()] if children.exists() else []


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


@pytest.mark.slow
@pytest.mark.parametrize("stop, status", [(signal.SIGINT, cli.EXIT_INTERRUPTED), (signal.SIGTERM, cli.EXIT_TERMINATED)])
def test_cli_stopped_run_leaves_out_as_it_was_and_no_worker_tracebacks(tmp_path, stop, status):
    _write_lines(tmp_path / "news.jsonl", _records(400))
    (tmp_path / "out.jsonl").write_text("previous\n", encoding="utf-8")
    process = _start(["extract", "news.jsonl", "-o", "out.jsonl", "-j", "2"], tmp_path)
    _wait_for_partial(tmp_path, process)
    os.killpg(process.pid, stop)  # as a terminal's Ctrl-C does: every process of the group
    _, err = process.communicate(timeout=60)
    assert process.returncode == status, err
    assert "Traceback" not in err
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == "previous\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["news.jsonl", "out.jsonl"]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_cli_run_killed_outright_ends_its_workers_and_resume_finishes_it(tmp_path):
    _write_lines(tmp_path / "news.jsonl", _records(300))
    process = _start(["extract", "news.jsonl", "--id-field", "id", "-o", "out.jsonl", "-j", "2"], tmp_path)
    partial = _wait_for_partial(tmp_path, process)
    workers = _workers(process.pid)
    assert len(workers) >= 2
    process.kill()
    process.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers))
    finished = len(partial.read_text(encoding="utf-8").splitlines())
    resumed = subprocess.run(
        [*KHABAR, "extract", "news.jsonl", "--id-field", "id", "-o", "out.jsonl", "-j", "2", "--resume"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{finished - 1:,} kept from the earlier run" in resumed.stderr or f"{finished:,} kept" in resumed.stderr
    assert _ids((tmp_path / "out.jsonl").read_text(encoding="utf-8")) == [f"d{index}" for index in range(300)]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["news.jsonl", "out.jsonl"]
