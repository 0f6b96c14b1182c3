"""Every lexicon entry is exercised at least once through the whole pipeline, with the rule recognizer
(the lexicons' own; the trained model's mentions are measured by bench/eval_entities.py)."""

import datetime
import functools

import pytest

import extractor
from extractor import lexicons

extract = functools.partial(extractor.extract, entities="rules")

REFERENCE = datetime.date(2018, 7, 4)


def _only_fact(text, reference_date=None):
    document = extract(text, reference_date=reference_date)
    assert len(document.facts) == 1, [fact.text for fact in document.facts]
    return document.facts[0]


@pytest.mark.parametrize("row", lexicons.rows("currencies"), ids=lambda row: row["word"])
def test_lexicons_every_currency(row):
    country = "" if row["alone"] == "yes" else " ارمنستان"  # درام, راند: only with a country after them
    fact = _only_fact(f"مبلغ 5 میلیون {row['word']}{country} پرداخت شد.")
    assert (fact.kind, fact.unit, fact.value) == ("money", row["unit"], 5_000_000)
    rials = int(row["rial_per_unit"]) * 5_000_000 if row["rial_per_unit"] else None
    assert fact.value_irr == rials
    if row["adjective"] == "yes" and row["alone"] == "yes" and row["word"][0].isalpha():  # تومانی, یورویی, "لیره ای" and the ezafe یوروی
        for form in lexicons.suffixed_forms(row["word"]):
            fact = _only_fact(f"وام 5 میلیون {form} پرداخت شد.")
            assert (fact.kind, fact.unit, fact.text) == ("money", row["unit"], f"5 میلیون {form}")
    if not row["word"][0].isalpha():  # a symbol also stands before its number: $5 میلیون
        fact = _only_fact(f"مبلغ {row['word']}5 میلیون پرداخت شد.")
        assert (fact.kind, fact.unit, fact.value, fact.text) == ("money", row["unit"], 5_000_000, f"{row['word']}5 میلیون")


@pytest.mark.parametrize("row", lexicons.rows("qualifiers"), ids=lambda row: row["phrase"])
def test_lexicons_every_qualifier(row):
    text = f"رشد {row['phrase']} 40 درصد بود."
    document = extract(text)
    (fact,) = document.facts
    assert (fact.qualifier, fact.text) == (row["qualifier"], "40 درصد")
    assert document.text[fact.qualifier_span.start : fact.qualifier_span.end] == row["phrase"]


@pytest.mark.parametrize("row", lexicons.rows("months"), ids=lambda row: row["name"])
def test_lexicons_every_month(row):
    year = 2014 if row["calendar"] == "gregorian" else 1393
    fact = _only_fact(f"در 5 {row['name']} {year} امضا شد.")
    assert (fact.kind, fact.calendar, fact.month, fact.day, fact.year) == (
        "date", row["calendar"], int(row["number"]), 5, year
    )


@pytest.mark.parametrize("row", lexicons.rows("weekdays"), ids=lambda row: row["name"])
def test_lexicons_every_weekday(row):
    fact = _only_fact(f"روز {row['name']} جلسه برگزار شد.", reference_date=REFERENCE)
    assert fact.start.weekday() == int(row["python_weekday"])
    assert 0 <= (REFERENCE - fact.start).days < 7


@pytest.mark.parametrize("row", lexicons.rows("last_words"), ids=lambda row: row["word"])
def test_lexicons_every_last_word_before_a_weekday_names_no_day(row):
    """"آخرین جمعه ماه رمضان": the last such weekday of a period, not the nearest one."""
    assert extract(f"مراسم {row['word']} جمعه ماه رمضان برگزار شد.", reference_date=REFERENCE).facts == []


@pytest.mark.parametrize("row", lexicons.rows("measure_units"), ids=lambda row: row["phrase"])
def test_lexicons_every_measure_unit_is_the_unit_of_its_count(row):
    """"300 متر مربع": the unit is every word of it, not its first (متر, سانتی, کیلو)."""
    fact = _only_fact(f"اندازه آن 4600 {row['phrase']} است.")
    assert (fact.kind, fact.value, fact.unit, fact.text) == ("count", 4600, row["phrase"], f"4600 {row['phrase']}")


@pytest.mark.parametrize("row", lexicons.rows("age_limit_words"), ids=lambda row: row["word"])
def test_lexicons_every_age_limit_word_makes_an_age(row):
    """"تیم زیر 23 سال", "بازیکنان بالای 30 سال": an age group, not a length of time."""
    qualifiers = {entry["phrase"]: entry["qualifier"] for entry in lexicons.rows("qualifiers")}
    for years in ("سال", "ساله"):
        fact = _only_fact(f"بازیکنان {row['word']} 23 {years} دعوت شدند.")
        assert (fact.kind, fact.value, fact.unit, fact.text) == ("age", 23, "year", f"23 {years}")
        assert fact.qualifier == qualifiers[row["word"]]


@pytest.mark.parametrize("row", lexicons.rows("time_zone_words"), ids=lambda row: row["word"])
def test_lexicons_every_time_zone_word_belongs_to_its_time(row):
    """"ساعت 19 به وقت محلی": the time zone stated after a time is part of it, kept as written."""
    for written in (f"به وقت {row['word']}", f"(به وقت {row['word']})"):
        fact = _only_fact(f"بازی ساعت 19 {written} آغاز می‌شود.")
        assert (fact.kind, fact.value, fact.text, fact.time_zone) == ("time", "19:00", f"ساعت 19 {written}", row["word"])


@pytest.mark.parametrize("row", lexicons.rows("age_verbs"), ids=lambda row: row["word"])
def test_lexicons_every_age_verb_makes_an_age(row):
    """"تنها 49 سال داشت", "۲۶ سال سن دارم": years had are an age; "10 سال سابقه دارد" stays a duration."""
    for written in ("18 سال", "18 سال سن"):
        fact = _only_fact(f"او تنها {written} {row['word']} و بازی کرد.")
        assert (fact.kind, fact.value, fact.unit, fact.text) == ("age", 18, "year", "18 سال")
    assert _only_fact(f"او 18 سال سابقه {row['word']} و بازی کرد.").kind == "duration"


@pytest.mark.parametrize("row", lexicons.rows("agencies"), ids=lambda row: row["name"])
def test_lexicons_every_agency(row):
    assert extract(f"به گزارش {row['name']}، متن خبر.").source == row["name"]


@pytest.mark.parametrize("row", lexicons.rows("speech_verbs"), ids=lambda row: row["phrase"])
def test_lexicons_every_speech_verb(row):
    document = extract(f"سیجانی {row['phrase']}: 5 واحد فعال است.")
    assert document.facts[0].speaker.name == "سیجانی"


@pytest.mark.parametrize("row", lexicons.rows("titles"), ids=lambda row: row["word"])
def test_lexicons_every_title(row):
    document = extract(f"{row['word']} سازمان گفت: 5 واحد فعال است.")
    assert document.facts[0].speaker.title == f"{row['word']} سازمان"


@pytest.mark.parametrize("row", lexicons.rows("number_labels"), ids=lambda row: row["word"])
def test_lexicons_every_number_label_blocks_a_count(row):
    document = extract(f"طبق {row['word']} 5 قانون اقدام شد.")
    assert [fact for fact in document.facts if fact.kind == "count"] == []


@pytest.mark.parametrize("row", lexicons.rows("number_labels"), ids=lambda row: row["word"])
def test_lexicons_every_number_label_lists_or_not(row):
    """A listed label owns the second number of "بند 7 و 8 قانون"; any other leaves it a count."""
    counts = [fact.text for fact in extract(f"طبق {row['word']} 7 و 8 قانون اقدام شد.").facts if fact.kind == "count"]
    assert counts == ([] if row["listed"] == "yes" else ["8 قانون"])


@pytest.mark.parametrize("row", lexicons.rows("person_nouns"), ids=lambda row: row["word"])
def test_lexicons_every_person_noun_has_an_age(row):
    fact = _only_fact(f"این {row['word']} 27 ساله به تیم پیوست.")
    assert (fact.kind, fact.text, fact.value) == ("age", "27 ساله", 27)


@pytest.mark.parametrize("row", lexicons.rows("copulas"), ids=lambda row: row["word"])
def test_lexicons_every_copula_makes_an_age(row):
    fact = _only_fact(f"او 32 ساله {row['word']}.")
    assert (fact.kind, fact.text, fact.value) == ("age", "32 ساله", 32)


@pytest.mark.parametrize("row", lexicons.rows("copulas"), ids=lambda row: row["word"])
def test_lexicons_every_copula_after_a_noun(row):
    """است and هست say a thing's length too (قرارداد ... دو ساله است); the others speak of a person."""
    fact = _only_fact(f"قرارداد با این تیم دو ساله {row['word']}.")
    assert fact.kind == ("duration" if row["after_a_pronoun"] == "yes" else "age")


@pytest.mark.parametrize("row", lexicons.rows("mass_nouns"), ids=lambda row: row["word"])
def test_lexicons_every_mass_noun_weighs(row):
    fact = _only_fact(f"5 هزار تن {row['word']} وارد شد.")
    assert (fact.unit, fact.value) == ("tonne", 5000)


@pytest.mark.parametrize("row", lexicons.rows("tonne_contexts"), ids=lambda row: f"{row['position']}-{row['word']}")
def test_lexicons_every_tonne_context(row):
    """A word of tonnage before the number or right after تن makes تن a tonne; a word of people right after
    it, or right before the number, keeps people, even after a word of tonnage; with neither, تن counts people."""
    if row["position"] == "right_before":
        assert _only_fact(f"ظرفیت تولید این کارخانه {row['word']} 800 هزار تن است.").unit == "person"
        assert _only_fact("ظرفیت تولید این کارخانه 800 هزار تن است.").unit == "tonne"
    elif row["position"] == "before":
        assert _only_fact(f"{row['word']} این کارخانه 800 هزار تن است.").unit == "tonne"
        assert _only_fact("این کارخانه 800 هزار تن است.").unit == "person"
    elif row["reading"] == "tonne":
        assert _only_fact(f"این کارخانه 800 هزار تن {row['word']} دارد.").unit == "tonne"
        assert _only_fact("این کارخانه 800 هزار تن دارد.").unit == "person"
    else:  # از keeps people when people follow it ("3 تن از کارگران"; "2 میلیون تن از اهداف ... فولاد" weighs)
        people = " کارگران" if row["word"] == "از" else ""
        assert _only_fact(f"در حادثه کارخانه تولید فولاد 3 تن {row['word']}{people} مصدوم شدند.").unit == "person"
        assert _only_fact("در حادثه کارخانه تولید فولاد 3 تن بود.").unit == "tonne"


@pytest.mark.parametrize("row", lexicons.rows("generic_modifiers"), ids=lambda row: row["word"])
def test_lexicons_every_generic_modifier_is_no_name(row):
    """"شهید گمنام", "سازمان استانی": a generic modifier names no person after an honorific, and makes no
    organization's name; the same honorific before a surname does."""
    assert [entity.text for entity in extract(f"از شهید {row['word']} تجلیل شد.").entities] == []
    assert [entity.text for entity in extract(f"سازمان {row['word']} اعلام کرد.").entities] == []
    assert [entity.text for entity in extract("از شهید همت تجلیل شد.").entities] == ["همت"]


@pytest.mark.parametrize("row", lexicons.rows("future_markers"), ids=lambda row: row["word"])
def test_lexicons_every_future_marker_sends_a_weekday_ahead(row):
    """A bare weekday is the last such day (news reports the past), the next one in a clause told in the
    future (2016-06-16 was a Thursday)."""
    reference = datetime.date(2016, 6, 16)
    assert _only_fact(f"تیم روز جمعه به تهران {row['word']} رفت.", reference).value == "2016-06-17"
    assert _only_fact("تیم روز جمعه به تهران رفت.", reference).value == "2016-06-10"


@pytest.mark.parametrize("row", lexicons.rows("verbs"), ids=lambda row: row["word"])
def test_lexicons_every_verb_tells_its_tense_to_a_weekday(row):
    """A past verb before the future marker keeps a bare weekday in the past; any other verb does not."""
    fact = _only_fact(f"تیم روز جمعه در تهران {row['word']} و خواهد ماند.", datetime.date(2016, 6, 16))
    assert fact.value == ("2016-06-10" if row["past"] == "yes" else "2016-06-17")


@pytest.mark.parametrize("row", lexicons.rows("named_after_heads"), ids=lambda row: row["phrase"])
def test_lexicons_every_head_names_a_place_after_a_person(row):
    """"خیابان امام خمینی (ره)": a place or institution named after a person, not the person."""
    entities = extract(f"مراسم در {row['phrase']} امام خمینی (ره) برگزار شد.").entities
    assert [(entity.label, entity.text) for entity in entities] == [(row["label"], f"{row['phrase']} امام خمینی (ره)")]


@pytest.mark.parametrize("row", lexicons.rows("function_words"), ids=lambda row: row["word"])
def test_lexicons_every_function_word_is_not_counted(row):
    document = extract(f"گزارش 5 {row['word']} متن")
    assert [fact for fact in document.facts if fact.kind == "count"] == []


@pytest.mark.parametrize("name", sorted(path.stem for path in lexicons.resources.files(lexicons.__name__).iterdir() if path.name.endswith(".tsv")))
def test_lexicons_entries_are_already_normalized(name):
    """Lexicons are matched against normalized text, so an entry that normalization changes never matches."""
    from extractor.normalize import normalize

    for row in lexicons.rows(name):
        for value in row.values():
            assert normalize(value) == value, (name, value)


@pytest.mark.parametrize("row", lexicons.rows("price_units"), ids=lambda row: row["word"])
def test_lexicons_every_price_unit(row):
    assert _only_fact(f"قیمت هر {row['word']} آن 20 هزار تومان است.").per == row["word"]
    if row["adjective"] == "yes":  # کیلویی, بشکه‌ای, متری
        suffix = {"و": "یی", "ه": "\u200cای"}.get(row["word"][-1], "ی")
        assert _only_fact(f"این کالا {row['word']}{suffix} 20 هزار تومان فروخته شد.").per == row["word"]


@pytest.mark.parametrize("word", lexicons.column("compound_verb_words", "word"))
def test_lexicons_every_compound_verb_word_counts_only_without_its_light_verb(word):
    assert [fact.kind for fact in extract(f"این گروه 2 {word} شد.").facts] == []
    assert [fact.text for fact in extract(f"این گروه 2 {word} جدید ثبت کرد.").facts] == [f"2 {word}"]


@pytest.mark.parametrize("row", [row for row in lexicons.rows("places") if row["alone"] == "yes"], ids=lambda row: row["name"])
def test_lexicons_every_place_is_never_counted(row):
    document = extract(f"در این دیدار 2 {row['name']} را در جدول پشت سر گذاشت.")
    assert [fact.text for fact in document.facts if fact.kind == "count"] == []


@pytest.mark.parametrize("word", lexicons.column("street_words", "word"))
def test_lexicons_every_street_word_makes_a_date_a_name(word):
    assert [fact.text for fact in extract(f"ترافیک {word} 15 خرداد سنگین بود.").facts] == []
    assert [fact.text for fact in extract(f"ترافیک {word} روز 15 خرداد سنگین بود.").facts] == ["روز 15 خرداد"]


@pytest.mark.parametrize("row", lexicons.rows("nowadays_clues"), ids=lambda row: row["word"])
def test_lexicons_every_nowadays_clue(row):
    """A bare امروز in a clause that only states how things are is "nowadays"; a dated word keeps the day."""
    if row["kind"] == "state":
        assert [fact.text for fact in extract(f"وزیر گفت: امروز وضع بازار خوب {row['word']}.", reference_date=REFERENCE).facts] == []
    else:
        document = extract(f"وزیر گفت: امروز وضع بازار خوب است و {row['word']}.", reference_date=REFERENCE)
        assert [(fact.text, fact.value) for fact in document.facts] == [("امروز", "2018-07-04")]


@pytest.mark.parametrize("row", lexicons.rows("eras"), ids=lambda row: row["era"])
def test_lexicons_every_era_names_the_calendar(row):
    year = 2014 if row["calendar"] == "gregorian" else 1393
    fact = _only_fact(f"این بنا در سال {year} {row['era']} ساخته شد.", reference_date=REFERENCE)
    assert (fact.kind, fact.text, fact.calendar, fact.year) == ("date", f"سال {year} {row['era']}", row["calendar"], year)
    assert (fact.value is None) == (row["calendar"] == "hijri")  # lunar years are not converted


@pytest.mark.parametrize("row", lexicons.rows("year_kinds"), ids=lambda row: row["word"])
def test_lexicons_every_year_kind(row):
    """A fiscal year is the Jalali year; a school, farming or water year runs from 1 Mehr to 31 Shahrivar."""
    fact = _only_fact(f"گزارش سال {row['word']} 96 - 95 منتشر شد.", reference_date=REFERENCE)
    expected = "2016-03-20/2018-03-20" if row["first_month"] == "1" else "2016-09-22/2017-09-22"
    assert (fact.kind, fact.text, fact.value) == ("date", f"سال {row['word']} 96 - 95", expected)


@pytest.mark.parametrize("row", lexicons.rows("uncounted_words"), ids=lambda row: row["word"])
def test_lexicons_every_uncounted_word(row):
    """A ratio, an adjective, an age, a stage, a multiplication: a number before them counts nothing."""
    document = extract(f"این رقم 3 {row['word']} شد.")
    assert [fact.text for fact in document.facts if fact.kind == "count"] == []


@pytest.mark.parametrize("row", lexicons.rows("year_events"), ids=lambda row: row["phrase"])
def test_lexicons_every_year_event(row):
    """The year after an event is a date (the year alone, as annotators mark it); two digits only where
    the lexicon allows them (انتخابات 96, not جام 64 تیمی)."""
    fact = _only_fact(f"او در {row['phrase']} 2016 شرکت کرد.")
    assert (fact.kind, fact.text, fact.year) == ("date", "2016", 2016)
    short = [fact.text for fact in extract(f"او در {row['phrase']} 96 شرکت کرد.").facts if fact.kind == "date"]
    assert short == (["96"] if row["two_digit_years"] == "yes" else [])


def test_lexicons_alternation_of_phrases_of_one_length_matches_the_longest_text():
    """"ab c" and "abcd" are as long as each other; "ab c" first would match "abc" in "abcd" (its space is
    optional). The order must not depend on a set's order, which changes with the hash seed."""
    import regex

    for phrases in (["ab c", "abcd"], ["abcd", "ab c"]):
        pattern = lexicons.alternation(phrases)
        assert pattern == lexicons.alternation(list(reversed(phrases)))
        assert regex.match(pattern, "abcd").group() == "abcd"


@pytest.mark.parametrize("word", lexicons.column("rank_words", "word"))
def test_lexicons_every_rank_word_makes_a_rank(word):
    fact = _only_fact(f"این شرکت {word} چهاردهم را کسب کرد.")
    assert (fact.kind, fact.value, fact.text) == ("rank", 14, f"{word} چهاردهم")


@pytest.mark.parametrize("row", lexicons.rows("weekday_vetoes"), ids=lambda row: row["word"])
def test_lexicons_every_weekday_veto_names_no_day(row):
    """"امام جمعه", "نماز جمعه": the Friday prayer; "روزهای جمعه": every Friday. No one day (a bare
    "روز جمعه" is one)."""
    assert extract(f"{row['word']} جمعه سخنرانی کرد.", reference_date=REFERENCE).facts == []
    assert [fact.text for fact in extract("روز جمعه سخنرانی کرد.", reference_date=REFERENCE).facts] == ["روز جمعه"]


@pytest.mark.parametrize("word", lexicons.column("year_edge_words", "word"))
def test_lexicons_every_year_edge_word_names_this_year(word):
    """"تا پایان سال", "اواخر سال": a part of this year, which the reference date resolves."""
    fact = _only_fact(f"طرح تا {word} سال تمام می شود.", reference_date=REFERENCE)
    assert (fact.kind, fact.start, fact.end) == ("date", datetime.date(2018, 3, 21), datetime.date(2019, 3, 20))
    assert fact.text.endswith("سال")


@pytest.mark.parametrize("word", lexicons.column("name_ending_words", "word"))
def test_lexicons_every_name_ending_word_ends_an_organization(word):
    organizations = [entity.text for entity in extract(f"کارکنان شرکت فولادسازان {word} به تهران رفتند.").entities if entity.label == "ORG"]
    assert organizations == ["شرکت فولادسازان"]


@pytest.mark.parametrize("word", [word for word in lexicons.column("classifiers", "word") if word != "نفر"])
def test_lexicons_every_classifier_counts_one_after_a_bare_yek(word):
    fact = _only_fact(f"در این حادثه یک {word} گزارش شد.")
    assert (fact.kind, fact.value, fact.text) == ("count", 1, f"یک {word}")


@pytest.mark.parametrize("word", lexicons.column("casualty_words", "word"))
def test_lexicons_every_casualty_word_makes_yek_nafar_a_count(word):
    fact = _only_fact(f"در این حادثه یک نفر {word} شد.")
    assert (fact.kind, fact.value, fact.unit) == ("count", 1, "person")


@pytest.mark.parametrize("word", lexicons.column("deh_compound_words", "word"))
def test_lexicons_every_deh_compound_word_makes_deh_no_number(word):
    """"زیان ده": ده written apart as the suffix "giving"."""
    assert extract(f"شرکت‌های {word} ده واگذار می‌شوند.").facts == []


@pytest.mark.parametrize("row", lexicons.rows("place_heads"), ids=lambda row: row["word"])
def test_lexicons_every_place_head_names_the_place_after_it(row):
    entities = extract(f"جلسه در {row['word']} قم برگزار شد.").entities
    assert [(entity.label, entity.text) for entity in entities] == [("LOC", f"{row['word']} قم")]
