import gzip
import io
import json
import subprocess
import sys

import pytest

from extractor import batch, cli

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
    assert "khabar: 3 documents" in err and "1 failed" in err
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

    real_extract = batch.extract_json  # what the batch runs for JSON lines
    monkeypatch.setattr(batch, "extract_json", interrupted_extract)
    arguments = ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(output), "-j", "1"]
    status, _, err = _run(arguments, capsys)
    assert status == cli.EXIT_INTERRUPTED
    assert "interrupted" in err
    assert output.read_text(encoding="utf-8") == "previous run\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt", "b.txt", "out.jsonl"]


def test_cli_rejects_bad_reference_date(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["extract", "--reference-date", "14/04/1397"])
    assert exit_info.value.code == cli.EXIT_USAGE
    assert "is not a date in the form YYYY-MM-DD" in capsys.readouterr().err


def test_cli_rejects_reference_date_out_of_range(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["extract", "--reference-date", "0001-01-01"])
    assert exit_info.value.code == cli.EXIT_USAGE
    assert "reference date 0001-01-01 is outside the years 1000 to 3000" in capsys.readouterr().err


def test_cli_output_folder_must_exist(tmp_path, capsys):
    status, _, err = _run(["extract", "-o", str(tmp_path / "no" / "out.jsonl")], capsys)
    assert status == cli.EXIT_USAGE
    assert "its folder does not exist" in err


def test_cli_empty_folder_is_reported(tmp_path, capsys):
    status, out, err = _run(["extract", str(tmp_path)], capsys)
    assert (status, out) == (cli.EXIT_SOME_INPUTS_FAILED, "")
    assert "holds no .txt or .jsonl files" in err


def test_cli_table_format(capsys):
    status, out, _ = _run(["extract", "--format", "table"], capsys)
    assert status == 0
    assert out.splitlines()[0].startswith("# qom_industry_irna.txt: 28 paragraphs kept, 27 duplicates")
    assert "percent\t90\tpercent\tmore_than\t90 درصد" in out


def test_cli_table_lists_entities_and_notes(capsys):
    status, out, _ = _run(["extract", "--format", "table"], capsys)
    assert status == 0
    assert any(line.startswith("# PERSON: محمود سیجانی (6)") for line in out.splitlines())
    assert "# note: 2,256 + 75 + 63 = 2,394, not the stated total 2,300 (واحد)" in out.splitlines()


@pytest.mark.parametrize("recognizer", ["rules", "model", "merged"])
def test_cli_entities_names_the_recognizer(capsys, recognizer):
    status, out, _ = _run(["extract", "--entities", recognizer], capsys)
    rules = {entity["rule"] for entity in json.loads(out)["entities"]}
    assert status == 0 and rules
    assert (rules == {"model"}) == (recognizer == "model")
    assert ("model" in rules) == (recognizer != "rules")


def test_cli_unknown_recognizer_is_refused(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["extract", "--entities", "crf"])
    assert exit_info.value.code == 2 and "invalid choice: 'crf'" in capsys.readouterr().err


def test_cli_no_entities_keeps_the_facts(capsys):
    _, with_entities, _ = _run(["extract"], capsys)
    status, without, _ = _run(["extract", "--no-entities"], capsys)
    full, facts_only = json.loads(with_entities), json.loads(without)
    assert status == 0 and full["entities"] and facts_only["entities"] == []
    assert [fact["text"] for fact in facts_only["facts"]] == [fact["text"] for fact in full["facts"]]
    assert all(fact.get("location") is None for fact in facts_only["facts"])


def test_cli_schema_command(capsys):
    status, out, _ = _run(["schema"], capsys)
    assert status == 0 and json.loads(out)["title"] == "Document"


@pytest.mark.slow  # two interpreters started
def test_cli_python_dash_m_and_console_script():
    for command in ([sys.executable, "-m", "extractor"], ["khabar"]):
        if command == ["khabar"]:
            command = [str(__import__("pathlib").Path(sys.executable).with_name("khabar"))]
        result = subprocess.run([*command, "extract", "-"], input=ARTICLE, capture_output=True, text=True, check=True)
        assert json.loads(result.stdout)["facts"][0]["text"] == "22 واحد"


def _write_jsonl(path, rows, compress=False):
    data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)


NEWS = [
    {"id": f"n{index}", "body": f"سیجانی گفت: {index + 2} واحد صنعتی با {index + 1} میلیارد تومان فعال شد.", "date": "2018-07-04"}
    for index in range(40)
]


def test_cli_jsonl_fields_gzip_and_reference_date_field(tmp_path, capsys):
    _write_jsonl(tmp_path / "news.jsonl.gz", [{**row, "body": row["body"] + " امروز"} for row in NEWS[:3]], compress=True)
    status, out, _ = _run(
        ["extract", str(tmp_path), "--text-field", "body", "--id-field", "id", "--reference-date-field", "date"],
        capsys,
    )
    documents = _documents(out)
    assert status == 0
    assert [document["id"] for document in documents] == ["n0", "n1", "n2"]
    assert documents[0]["reference_date"] == "2018-07-04"
    assert documents[0]["facts"][-1]["value"] == "2018-07-04"  # امروز resolved against each line's date


def test_cli_jsonl_bad_lines_are_named_and_skipped(tmp_path, capsys):
    (tmp_path / "news.jsonl").write_text('{"text": "5 واحد"}\nnot json\n{"body": "x"}\n{"text": "7 واحد"}\n', encoding="utf-8")
    status, out, err = _run(["extract", str(tmp_path / "news.jsonl")], capsys)
    assert status == cli.EXIT_SOME_INPUTS_FAILED
    assert f"{tmp_path / 'news.jsonl'}:2: not valid JSON" in err
    assert f"{tmp_path / 'news.jsonl'}:3: has no text field 'text'" in err
    assert [document["id"] for document in _documents(out)] == [f"{tmp_path / 'news.jsonl'}:1", f"{tmp_path / 'news.jsonl'}:4"]


def test_cli_jsonl_reference_date_out_of_range_is_named_and_skipped(tmp_path, capsys):
    _write_jsonl(tmp_path / "news.jsonl", [{**NEWS[0], "date": "9999-12-31"}, NEWS[1]])
    status, out, err = _run(
        ["extract", str(tmp_path / "news.jsonl"), "--text-field", "body", "--id-field", "id", "--reference-date-field", "date"],
        capsys,
    )
    assert status == cli.EXIT_SOME_INPUTS_FAILED
    assert f"{tmp_path / 'news.jsonl'}:1: 'date': reference date 9999-12-31 is outside the years 1000 to 3000" in err
    assert [document["id"] for document in _documents(out)] == ["n1"]


def test_cli_workers_keep_input_order_and_output(tmp_path, capsys):
    _write_jsonl(tmp_path / "news.jsonl", NEWS)
    outputs = []
    for jobs in ("1", "2"):
        status, out, _ = _run(["extract", str(tmp_path / "news.jsonl"), "--text-field", "body", "--id-field", "id", "-j", jobs], capsys)
        assert status == 0
        outputs.append(out)
    assert outputs[0] == outputs[1]
    assert [document["id"] for document in _documents(outputs[0])] == [row["id"] for row in NEWS]


def test_cli_resume_extracts_only_what_is_missing(tmp_path, capsys, monkeypatch):
    _write_jsonl(tmp_path / "news.jsonl", NEWS[:5])
    output = tmp_path / "out.jsonl"
    common = [str(tmp_path / "news.jsonl"), "--text-field", "body", "--id-field", "id", "-o", str(output), "-j", "1"]
    _run(["extract", *common], capsys)
    complete = output.read_text(encoding="utf-8")
    output.write_text("".join(complete.splitlines(keepends=True)[:2]) + '{"id": "n2", "cut sho', encoding="utf-8")
    extracted = []
    real_process = batch.process
    monkeypatch.setattr(batch, "process", lambda record, *options, **named: extracted.append(record.id) or real_process(record, *options, **named))
    status, _, err = _run(["extract", *common, "--resume"], capsys)
    assert status == 0
    assert extracted == ["n2", "n3", "n4"]
    assert "2 kept from the earlier run" in err
    assert output.read_text(encoding="utf-8") == complete


def test_cli_resume_needs_an_output_file(capsys):
    status, _, err = _run(["extract", "--resume"], capsys)
    assert status == cli.EXIT_USAGE and "--resume needs -o OUT" in err
