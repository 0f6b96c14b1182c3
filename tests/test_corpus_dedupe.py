import json

import pytest

from extractor import cli

pytest.importorskip("datasketch")
from extractor.corpus_dedupe import find_duplicates  # noqa: E402  (needs datasketch)

SHARED = "مطلب فوق مربوط به سایر رسانه ها می باشد و خبرگزاری آن را صرفا بازنشر کرده است و مسئولیتی ندارد"
BODY = " ".join(f"جمله شماره {index} درباره صنعت استان قم و واحدهای تولیدی فعال آن است" for index in range(30))
OTHER = " ".join(f"گزارش {index} از مسابقات فوتبال لیگ برتر و نتایج هفته گذشته تیم ها" for index in range(30))


def _documents():
    near = BODY.replace("جمله شماره 7 درباره", "جمله هفتم درباره") + "\n" + SHARED  # one sentence reworded
    return [
        ("a", f"{BODY}\n{SHARED}"),
        ("b", OTHER),
        ("a-copy", f"{BODY}\n{SHARED}"),
        ("a-near", near),
        ("c", f"{OTHER.replace('فوتبال', 'والیبال')} پایان\n{SHARED}"),
    ]


def test_corpus_dedupe_exact_and_near_documents():
    report = find_duplicates(_documents(), threshold=0.8)
    assert report["documents"] == 5
    (cluster,) = [cluster for cluster in report["duplicate_documents"] if cluster["first"] == "a"]
    kinds = {copy["id"]: copy["kind"] for copy in cluster["copies"]}
    assert kinds == {"a-copy": "exact", "a-near": "near"}
    assert all(copy["similarity"] >= 0.8 for copy in cluster["copies"])
    assert not [cluster for cluster in report["duplicate_documents"] if cluster["first"] == "b"]


def test_corpus_dedupe_repeated_paragraphs_across_documents():
    report = find_duplicates(_documents(), threshold=0.8)
    repeated = {copy["id"] for cluster in report["repeated_paragraphs"] for copy in cluster["copies"]}
    assert "c#1" in repeated  # the shared line, a third time, in another document


def test_corpus_dedupe_cli_report_and_extract_skips_duplicates(tmp_path, capsys):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in _documents()), "utf-8")
    assert cli.main(["dedupe", str(corpus), "--id-field", "id", "-o", str(tmp_path / "report.json")]) == 0
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["documents"] == 5
    capsys.readouterr()
    assert cli.main(["extract", str(corpus), "--id-field", "id", "--dedupe", "-j", "1"]) == 0
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == ["a", "b", "c"]
    assert "skipped a-copy: exact duplicate of a" in captured.err
    assert "skipped a-near: near duplicate of a" in captured.err
