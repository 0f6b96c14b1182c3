import pytest

from extractor import extract
from extractor.dedupe import boilerplate_reason

BOILERPLATE_LINES = [
    "7405/ 1175",
    "کپی شد",
    "کد خبر: 123456",
    "انتهای پیام",
    "لینک کوتاه: https://irna.ir/xjN4",
    "اشتراک گذاری",
    "تاریخ انتشار: ۱۴۰۲/۰۵/۱۲",
]


@pytest.mark.parametrize("line", BOILERPLATE_LINES)
def test_dedupe_boilerplate_lines_are_recognized(line):
    assert boilerplate_reason(line)


@pytest.mark.parametrize("line", ["وی گفت: 7405 واحد فعال است.", "کپی شد و منتشر شد در 20 نسخه."])
def test_dedupe_content_is_not_boilerplate(line):
    assert boilerplate_reason(line) is None


def test_dedupe_every_boilerplate_pattern_has_a_line():
    from extractor import lexicons

    reasons = {boilerplate_reason(line) for line in BOILERPLATE_LINES}
    assert reasons == set(lexicons.column("boilerplate", "reason"))


def test_dedupe_drops_repeats_and_lists_them():
    raw = "اول 5 واحد.\n\nدوم 6 واحد.\nاول  5 واحد.\n7405/ 1175\n"
    document = extract(raw)
    assert [paragraph.index for paragraph in document.paragraphs] == [0, 1]
    assert [(d.index, d.duplicate_of) for d in document.duplicates] == [(2, 0)]
    assert [line.reason for line in document.boilerplate] == ["agency code"]
    assert [fact.value for fact in document.facts] == [5, 6]
    assert document.text == "اول 5 واحد.\nدوم 6 واحد."


def test_dedupe_empty_text():
    document = extract("  \n\n")
    assert (document.text, document.facts, document.paragraphs) == ("", [], [])
