"""Owns the context rules: from a context word the phrase matcher found (an organization's head noun, a
first name, an honorific, "خبرگزاری"), how far the entity reaches into the tokens after it.

Each rule returns (label, first token, end token, rule) or None; only hits are looked at, so the cost
follows the number of hits, not of tokens.
"""

from __future__ import annotations

import functools

from extractor import lexicons
from extractor.entities.patterns import (
    AGENCY_CONTEXT,
    CITY,
    CREDIT,
    FIRST_NAME,
    HEAD,
    HONORIFIC,
    MINISTER,
    ORGANIZATION,
    PERSON,
    PLACE,
    PLACE_AFTER_HEAD,
    PLACE_HEAD,
    RELIGIOUS_TITLE,
    SPEAKER_CUE,
    TITLE,
    agency_name_starts,
    first_names,
    place_directions,
    stop_words,
)
from extractor.entities.tokens import Tokens
from extractor.patterns import WORD

Candidate = tuple[str, int, int, str]
_MOST_SPECIFIER_WORDS = 3
_MOST_SURNAME_WORDS = 2
_AND, _COMMA = "و", "،"
_NAME_TITLE_SEPARATORS = ("،", ",", "-", "–")
_OPENING_QUOTES = ("«", '"', "'", "“")
_LIST_SEPARATORS = ("،", ",", "و")


def is_name_part(word: str) -> bool:
    """Two letters or more (ZWNJ inside allowed; "د -" numbers a list), and not a word that ends names
    (a verb, a title, a preposition); `word` lower-cased."""
    return len(word) > 1 and word not in stop_words() and WORD.fullmatch(word) is not None


def _name_parts(tokens: Tokens, position: int, most: int) -> int:
    """How many name parts follow from `position` (at most `most`)."""
    count = 0
    while count < most and position + count < len(tokens) and is_name_part(tokens.lower[position + count]):
        count += 1
    return count


def _light_verb_at(tokens: Tokens, position: int) -> bool:
    """کرد, شد, داد, داشت, می at `position`: the verbs that make a compound verb with the word before."""
    return position < len(tokens) and tokens.lower[position] in lexicons.words("light_verbs", "word")


def _is(tokens: Tokens, position: int, text: str) -> bool:
    return position < len(tokens) and tokens.words[position] == text


def organization(tokens: Tokens, start: int, end: int, known: set[int], organization_starts: set[int]) -> Candidate | None:
    """"وزارت امور خارجه", "سازمان صنعت، معدن و تجارت قم": a head noun and what specifies it, or the
    head alone before another organization (joined to it afterwards); not
    inside or at the start of a known organization (`known`, the tokens the lexicon's cover: "سازمان
    ملل" is whole, "سازمان ملل دعوت" is not; "شورای" in "مجلس شورای اسلامی" starts nothing)."""
    if start in known:
        return None
    if end in organization_starts:  # "روابط عمومی" + "سازمان ...": a department of what follows
        return ("ORG", start, end, "head+organization")
    last = _specifiers_end(tokens, end)
    common_noun = last is not None and tokens.phrase(start, last) in lexicons.words("head_compounds", "phrase")
    if last is None or common_noun or _only_generic(tokens, end, last):
        return None
    return ("ORG", start, last, "head+specifier")


def _only_generic(tokens: Tokens, first: int, end: int) -> bool:
    return all(word in lexicons.words("generic_modifiers", "word") for word in tokens.lower[first:end])


def ministry(tokens: Tokens, start: int, end: int) -> Candidate | None:
    """"وزیر نفت", "وزیر تعاون، کار و رفاه اجتماعی": the ministry a minister heads (not "وزیر عراق")."""
    last = _specifiers_end(tokens, end)
    if last is None or tokens.words[end] in lexicons.single_word_places():
        return None
    return ("ORG", end, last, "minister+ministry")


def _specifiers_end(tokens: Tokens, first: int) -> int | None:
    """Where the words that specify an organization, from token `first`, end: one to three name parts,
    continued by "و X" or "، X و Y", and a place that closes the name ("... ایران"); None if none."""
    if first < len(tokens) and tokens.lower[first] in lexicons.starting_first_names():
        return None  # "تیم رسول نویدکیا ، علی کریمی ...": a person follows, not the team's name
    words = _name_parts(tokens, first, _MOST_SPECIFIER_WORDS)
    if words and _light_verb_at(tokens, first + words):
        words -= 1  # "بورس پذیرفته شد", "مجلس استناد کرد": the word before a verb belongs to the verb
    if not words:
        return None
    place = next((index for index in range(first, first + words) if tokens.words[index] in lexicons.single_word_places()), None)
    if place is not None:  # a place closes the name: "دولت سوریه", "آموزش و پرورش قم", "... خراسان جنوبی"
        return _place_end(tokens, place)
    last = first + words
    if _is(tokens, last, _COMMA):
        listed = _name_parts(tokens, last + 1, 2)
        if listed and _is(tokens, last + 1 + listed, _AND):
            closing = _name_parts(tokens, last + 2 + listed, 2)
            if closing:
                last += 2 + listed + closing
    elif _is(tokens, last, _AND):
        closing = _name_parts(tokens, last + 1, _MOST_SPECIFIER_WORDS)
        if closing:
            last += 1 + closing
    if last < len(tokens) and tokens.words[last] in lexicons.single_word_places():  # "... رادیویی ایران", "... تعاون قم"
        last = _place_end(tokens, last)
    return last


def _place_end(tokens: Tokens, place: int) -> int:
    """Where the place starting at token `place` ends: its longest name in the lexicon ("خراسان جنوبی",
    "آذربایجان شرقی"; one word otherwise)."""
    for name in lexicons.places_starting_with(tokens.words[place]):
        end = place + len(name.split())
        if end <= len(tokens) and tokens.phrase(place, end).split() == name.split():
            return end
    return place + 1


def person_from_first_name(tokens: Tokens, start: int, end: int, known: set[int]) -> Candidate | None:
    """"حسن روحانی", "محمد جواد ظریف": first names, then a surname of one or two words; not where a
    known person starts (`known`: "صدام حسین" is whole)."""
    if start in known:
        return None
    last = end
    while last < len(tokens) and tokens.lower[last] in first_names():
        last += 1
    surname = _surname_length(tokens, last)
    if last == end and not surname:
        return None  # a first name alone is too often a word (امید, رضا)
    return ("PERSON", start, last + surname, "first_name+surname")


def _surname_length(tokens: Tokens, first: int) -> int:
    """One word, or two when the second is a surname's usual ending (احمدی نژاد) or both are adjectives
    of origin (هاشمی رفسنجانی); a following title or noun is not the surname's ("ترامپ نامزد")."""
    words = _name_parts(tokens, first, _MOST_SURNAME_WORDS)
    if words == 2:
        head, tail = tokens.lower[first], tokens.lower[first + 1]
        of_origin = head.endswith("ی") and tail.endswith("ی")
        words = 2 if tail in lexicons.words("surname_endings", "word") or of_origin else 1
    if words and _light_verb_at(tokens, first + words):
        words -= 1  # "حضور داشت", "سخنرانی کرد": the word belongs to the verb
    return words


def person_after_honorific(tokens: Tokens, start: int, end: int, honorific_ends: dict[int, int]) -> Candidate | None:
    """"آقای سیجانی", "حجت الاسلام و المسلمین رئیسی", "سرهنگ « ایرج محمدخانی »": the name after the
    honorific(s), without them (nor the quotation marks around it)."""
    first = end
    while first in honorific_ends or (_is(tokens, first, _AND) and first + 1 in honorific_ends):
        first = honorific_ends[first] if first in honorific_ends else honorific_ends[first + 1]
    if first < len(tokens) and tokens.words[first] in _OPENING_QUOTES:
        first += 1
    words = _full_name_length(tokens, first)
    return ("PERSON", first, first + words, "honorific+name") if words else None


def _full_name_length(tokens: Tokens, first: int) -> int:
    """First names, if any, then the surname: "محمود سیجانی", "سیجانی", "محمد جواد ظریف"."""
    last = first
    while last < len(tokens) and tokens.lower[last] in first_names() and is_name_part(tokens.lower[last]):
        last += 1
    return last - first + _surname_length(tokens, last)


def agency_in_context(tokens: Tokens, start: int, end: int) -> Candidate | None:
    """"خبرگزاری فارس" (the whole name) and "به گزارش مهر", "خبرنگار فارس", "در گفتگو با مهر" (the
    agency): فارس and مهر are also a province and a month, agencies only here."""
    if end >= len(tokens):
        return None
    if tokens.words[end] not in lexicons.words("agencies", "name"):
        return _outlet_reported(tokens, start, end)
    if tokens.phrase(start, end) in agency_name_starts():
        return ("ORG", start, end + 1, "agency_named")
    return ("ORG", end, end + 1, "agency_reported")


def _outlet_reported(tokens: Tokens, start: int, end: int) -> Candidate | None:
    """"به گزارش شرق،", "به گزارش روز نو،", "به گزارش « انتخاب »،": after به گزارش, one or two name parts
    (no title, no time: not "به گزارش خبرنگار ما") closed by a comma name the outlet that reports."""
    if tokens.phrase(start, end) != _REPORTED_BY:
        return None
    first = end + 1 if tokens.words[end] in _QUOTES else end
    words = _name_parts(tokens, first, _MOST_OUTLET_WORDS)
    last_word_end = last = first + words
    if words and last < len(tokens) and tokens.words[last] in _QUOTES:
        last += 1  # the closing quote
    if not words or last >= len(tokens) or tokens.words[last] not in _COMMAS:
        return None
    if tokens.words[last_word_end - 1].endswith(_PLURAL_ENDINGS):
        return None  # "به گزارش رسانه‌ها،": many, no outlet named
    if not _agency_words().isdisjoint(tokens.words[first:last_word_end]):
        return None  # "به گزارش خبرنگار ایرنا،": the agency's own rule names it
    return ("ORG", first, last_word_end, "outlet_reported")


_REPORTED_BY = "به گزارش"
_MOST_OUTLET_WORDS = 2
_QUOTES = frozenset({"«", "»", '"'})
_COMMAS = frozenset({"،", ","})
_PLURAL_ENDINGS = ("ها", "های")


@functools.cache
def _agency_words() -> frozenset[str]:
    """The words of the agencies and of their contexts (خبرنگار, خبرگزاری, ایرنا)."""
    phrases = [*lexicons.column("agencies", "name"), *lexicons.column("agency_contexts", "phrase")]
    return frozenset(word for phrase in phrases for word in phrase.split())


def holy_person(tokens: Tokens, start: int, end: int) -> Candidate | None:
    """"امام رضا (ع)", "حضرت زینب (س)": the title is part of the name; a first name or a blessing must
    follow, so that "امام جماعت" (a prayer leader) is no one."""
    words = _name_parts(tokens, end, _MOST_SURNAME_WORDS)
    if not words:
        return None
    blessed = with_blessing(tokens, end + words) > end + words
    if not blessed and tokens.lower[end] not in first_names():
        return None
    return ("PERSON", start, end + words, "religious_title+name")


def with_blessing(tokens: Tokens, end: int) -> int:
    """The end of a name, moved past a blessing in parentheses when one follows: "امام خمینی (ره)"."""
    blessed = end + 2 < len(tokens) and tokens.words[end] == "(" and tokens.words[end + 2] == ")"
    if blessed and tokens.words[end + 1] in lexicons.words("blessings", "word"):
        return end + 3
    return end


def headed_place(
    tokens: Tokens, start: int, end: int, place_ends: dict[int, int], head_ends: dict[int, int]
) -> Candidate | None:
    """"استان قم", "شهرستان قوچان", "استان مرکزی", "شمال چین", "غرب استان تهران": a place's head noun or
    a direction (then maybe a head noun) and the place after it; not "روستای شهرستان نکا" (villages of
    the county)."""
    if end in head_ends and tokens.phrase(start, end) in place_directions():
        end = head_ends[end]
    return ("LOC", start, place_ends[end], "place_head+name") if end in place_ends else None


def credited_person(tokens: Tokens, start: int, end: int) -> Candidate | None:
    """"خبرنگار : فاطمه قنبری", "انتشار دهنده : سید محسن حسن نیا": the name after a credit label."""
    words = _full_name_length(tokens, end)
    return ("PERSON", end, end + words, "credit+name") if words else None


def person_before(tokens: Tokens, start: int, end: int, rule: str, separated: bool = False) -> Candidate | None:
    """"بهمن دانایی - دبیر انجمن ...", "همتی در گفت و گو با ...", "شافعی افزود": a name that opens a
    clause, right before a title (`separated`: a comma or dash between allowed) or what follows a
    speaker's name."""
    last = start - 1 if separated and start > 0 and tokens.words[start - 1] in _NAME_TITLE_SEPARATORS else start
    first = last
    while first > 0 and last - first < _MOST_SURNAME_WORDS + 1 and is_name_part(tokens.lower[first - 1]):
        first -= 1
    if first == last or not _opens_clause(tokens, first):
        return None
    return ("PERSON", first, last, rule)


def _opens_clause(tokens: Tokens, position: int) -> bool:
    return position == 0 or tokens.is_punct(position - 1) or tokens.is_space(position - 1)


def candidates(tokens: Tokens, hits: dict[str, list[tuple[int, int]]]) -> tuple[list[Candidate], list[Candidate]]:
    """The entities the context rules grow from the hits of each context key: (strong, weak). Strong
    rules outrank the lexicons ("خبرنگار فارس" is the agency, not the province); weak ones, which guess
    a name from where it stands, yield to them ("ایرنا ، رئیس ..." is no person)."""
    honorific_ends = dict(hits.get(HONORIFIC, []))
    known_organizations = {position for start, end in hits.get(ORGANIZATION, []) for position in range(start, end)}
    organization_starts = {start for key in (HEAD, ORGANIZATION) for start, _ in hits.get(key, [])}
    strong = [organization(tokens, start, end, known_organizations, organization_starts) for start, end in hits.get(HEAD, [])]
    known_people = {start for start, _ in hits.get(PERSON, [])}
    strong += [person_from_first_name(tokens, start, end, known_people) for start, end in hits.get(FIRST_NAME, [])]
    strong += [person_after_honorific(tokens, start, end, honorific_ends) for start, end in hits.get(HONORIFIC, [])]
    strong += [agency_in_context(tokens, start, end) for start, end in hits.get(AGENCY_CONTEXT, [])]
    strong += [holy_person(tokens, start, end) for start, end in hits.get(RELIGIOUS_TITLE, [])]
    strong += [ministry(tokens, start, end) for start, end in hits.get(MINISTER, [])]
    strong += [credited_person(tokens, start, end) for start, end in hits.get(CREDIT, [])]
    place_ends = {start: end for key in (PLACE, CITY, PLACE_AFTER_HEAD) for start, end in hits.get(key, [])}
    head_ends = {start: end for start, end in hits.get(PLACE_HEAD, [])}
    strong += [headed_place(tokens, start, end, place_ends, head_ends) for start, end in hits.get(PLACE_HEAD, [])]
    weak = [person_before(tokens, start, end, "name+title", separated=True) for start, end in hits.get(TITLE, [])]
    weak += [person_before(tokens, start, end, "name+speech") for start, end in hits.get(SPEAKER_CUE, [])]
    return [found for found in strong if found], [found for found in weak if found]


def listed_with_people(tokens: Tokens, found: list[Candidate]) -> list[Candidate]:
    """"رسول نویدکیا ، علی کریمی ، فوزیل موسایف و محمدرضا خلعتبری": a name listed between people (by
    "،" or "و") is a person too, when it stands alone between the separators."""
    taken = {token for _, first, end, _ in found for token in range(first, end)}
    listed: list[Candidate] = []
    people = [candidate for candidate in found if candidate[0] == "PERSON"]
    while people:  # along the list, one neighbour at a time
        neighbours = []
        for _, first, end, _ in people:
            for item in (_item_after(tokens, end), _item_before(tokens, first)):
                if item is not None and taken.isdisjoint(range(*item)):
                    neighbours.append(("PERSON", *item, "listed_with_person"))
                    taken.update(range(*item))
        listed += neighbours
        people = neighbours
    return listed


def _item_after(tokens: Tokens, end: int) -> tuple[int, int] | None:
    """The name after "، X" or "و X", when a separator or the end of the clause follows it."""
    if end >= len(tokens) or tokens.words[end] not in _LIST_SEPARATORS:
        return None
    words = _name_parts(tokens, end + 1, _MOST_SURNAME_WORDS)
    closed = end + 1 + words >= len(tokens) or tokens.words[end + 1 + words] in _LIST_SEPARATORS or tokens.is_punct(end + 1 + words)
    return (end + 1, end + 1 + words) if words and closed else None


def _item_before(tokens: Tokens, first: int) -> tuple[int, int] | None:
    """The name before "X ،" or "X و", when a separator or the start of the clause precedes it."""
    if first == 0 or tokens.words[first - 1] not in _LIST_SEPARATORS:
        return None
    last = first - 1
    start = last
    while start > 0 and last - start < _MOST_SURNAME_WORDS and is_name_part(tokens.lower[start - 1]):
        start -= 1
    opened = start == 0 or tokens.words[start - 1] in _LIST_SEPARATORS or tokens.is_punct(start - 1)
    return (start, last) if start < last and opened else None
