import pytest

from extractor import extract
from extractor.attribution import name_alternating_title, source_agency, speakers


def test_attribution_pronoun_resolves_to_last_named_speaker():
    resolved = speakers(["به گزارش ایرنا، محمود سیجانی روز چهارشنبه افزود: متن.", "وی گفت: متن.", "سیجانی گفت: متن."])
    assert [speaker.name for speaker in resolved] == ["محمود سیجانی"] * 3
    assert [speaker.mention for speaker in resolved] == ["محمود سیجانی", "وی", "سیجانی"]


def test_attribution_title_only_speaker():
    (speaker,) = speakers(["رئیس سازمان صنعت، معدن و تجارت قم در ادامه گفت: متن."])
    assert (speaker.name, speaker.title) == (None, "رئیس سازمان صنعت، معدن و تجارت قم")


def test_attribution_unquoted_paragraph_has_no_speaker():
    assert speakers(["2 هزار و 300 واحد صنعتی در قم وجود دارد."]) == [None]


def test_attribution_pronoun_without_antecedent_is_unknown():
    assert speakers(["وی گفت: متن."]) == [None]


def test_attribution_source_agency():
    assert source_agency("به گزارش ایرنا، متن") == "ایرنا"
    assert source_agency("به گزارش خبرنگار اقتصادی ایسنا، متن") == "ایسنا"
    assert source_agency("متن بدون منبع") is None


def test_attribution_facts_carry_paragraph_speaker():
    document = extract("سیجانی گفت: 22 واحد فعال است.\n75 واحد دیگر هم هست.")
    assert [fact.speaker and fact.speaker.name for fact in document.facts] == ["سیجانی", None]


@pytest.mark.parametrize(
    "paragraph",
    ["محمود سیجانی رئیس سازمان صنعت قم گفت: متن.", "رئیس سازمان صنعت قم، محمود سیجانی گفت: متن."],
)
def test_attribution_name_and_title_apart(paragraph):
    (speaker,) = speakers([paragraph])
    assert (speaker.name, speaker.title) == ("محمود سیجانی", "رئیس سازمان صنعت قم")


@pytest.mark.parametrize("subject", ["وی در ادامه", "این مسئول", "این مقام مسئول"])
def test_attribution_pronouns_and_demonstratives_resolve_to_last_speaker(subject):
    resolved = speakers(["محمود سیجانی گفت: متن.", f"{subject} افزود: متن."])
    assert resolved[1].name == "محمود سیجانی"


_TITLE = "رئیس سازمان صنعت، معدن و تجارت قم"


def _turns(*subjects):
    return name_alternating_title(speakers([f"{subject} گفت: متن." for subject in subjects]))


def test_attribution_title_quoted_in_turns_with_one_named_person_is_his():
    resolved = _turns("محمود سیجانی", _TITLE, "سیجانی", "وی")
    assert [speaker.name for speaker in resolved] == ["محمود سیجانی"] * 4
    assert [speaker.name_inferred for speaker in resolved] == [False, True, False, False]
    assert resolved[1].title == _TITLE


@pytest.mark.parametrize(
    "subjects",
    [
        ("محمود سیجانی", _TITLE, "علی کریمی", "سیجانی"),  # two people named: whose title?
        ("محمود سیجانی", _TITLE, "معاون وزیر نفت", "سیجانی"),  # two titles with no name
        (_TITLE, "وی", "محمود سیجانی", "سیجانی"),  # not in turns: the title only before him
        ("محمود سیجانی معاون وزیر صنعت", _TITLE, "سیجانی"),  # he is quoted under another title
    ],
    ids=["two-names", "two-titles", "not-in-turns", "another-title"],
)
def test_attribution_title_not_inferred(subjects):
    assert not any(speaker and speaker.name_inferred for speaker in _turns(*subjects))


def test_attribution_report_prefix_with_a_quoted_agency():
    (speaker,) = speakers(['به گزارش "ورزش سه"، علی دهقانی گفت: متن.'])
    assert speaker.name == "علی دهقانی"
