"""Loads the Persian word lists shipped with the package (TSV files beside this module), once each."""

from __future__ import annotations

import csv
import functools
from importlib import resources

import regex

from extractor.patterns import GAP

# Persian writes compounds apart, joined, or with a zero-width non-joiner: "پنج شنبه", "پنجشنبه", "پنج‌شنبه".
_JOINER = r"[ \u200c]?"


@functools.cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of lexicon `name` (file `name.tsv`), each a dict keyed by the header line."""
    text = resources.files(__name__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple(reader)


def column(name: str, field: str) -> tuple[str, ...]:
    """One column of a lexicon, in file order."""
    return tuple(row[field] for row in rows(name))


@functools.cache
def words(name: str, field: str) -> frozenset[str]:
    """One column of a lexicon as a set, for membership tests (built once)."""
    return frozenset(column(name, field))


def phrase_pattern(phrase: str) -> str:
    """A regex for a lexicon phrase that accepts its parts written apart, joined or with a ZWNJ."""
    return _JOINER.join(regex.escape(part) for part in phrase.split(" "))


def alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """One regex group matching any of the phrases, longest first so that the longest wins. Longest by
    letters, then as written, then in a fixed order: a phrase's spaces are optional ("ab c" matches
    "abc"), and a set's order changes with the hash seed from process to process."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase.replace(" ", "")), -len(phrase), phrase))
    return "(?:" + "|".join(phrase_pattern(phrase) for phrase in ordered) + ")"


_JOINERS = regex.compile(GAP)


def canonical(phrase: str) -> str:
    """A phrase's lookup key, the same whether its parts were written apart, joined or with a ZWNJ."""
    return _JOINERS.sub("", phrase)


def suffixed_forms(noun: str) -> tuple[str, ...]:
    """A noun's forms with a suffix, as written after a number: its adjective ("30 میلیون یورویی", تومانی,
    "لیره ای": a lexicon phrase, written apart, joined or with a ZWNJ) and, after a vowel, its ezafe
    ("5 میلیون یوروی دیگر")."""
    if noun.endswith(("و", "ا")):
        return noun + "یی", noun + "ی"
    if noun.endswith(("ه", "ی")):
        return (noun + " ای",)
    return (noun + "ی",)


def currency_adjectives(row: dict[str, str]) -> tuple[str, ...]:
    """A currency's forms as an adjective after its amount (تومانی, یورویی, "لیره ای"), from its row in
    currencies.tsv: none for a symbol, for a currency named only with its country, or without an adjective."""
    if row["alone"] != "yes" or row["adjective"] != "yes" or not row["word"][0].isalpha():
        return ()
    return suffixed_forms(row["word"])


@functools.cache
def starting_first_names() -> frozenset[str]:
    """The first names that start a name on their own (حسن, رسول; not امید)."""
    return frozenset(row["name"] for row in rows("first_names") if row["starts_a_name"] == "yes")


@functools.cache
def single_word_places() -> frozenset[str]:
    """The places named in one word that are a place alone (قم, تهران)."""
    return frozenset(row["name"] for row in rows("places") if row["alone"] == "yes" and " " not in row["name"])


@functools.cache
def _places_by_first_word() -> dict[str, tuple[str, ...]]:
    by_first: dict[str, list[str]] = {}
    for row in rows("places"):
        if row["alone"] == "yes" and " " in row["name"]:
            by_first.setdefault(row["name"].split()[0], []).append(row["name"])
    return {first: tuple(sorted(names, key=len, reverse=True)) for first, names in by_first.items()}


def places_starting_with(word: str) -> tuple[str, ...]:
    """The place names of two words or more that `word` starts, longest first (خراسان -> خراسان جنوبی, ...)."""
    return _places_by_first_word().get(word, ())


@functools.cache
def dictionary_words() -> frozenset[str]:
    """The words of hazm's dictionary (about 193,000, the same in hazm 0.10 and 0.12), ZWNJ removed: what a
    word unknown to it is, in news, is mostly a foreign name ("پوگبا", "لواندوفسکی"). Read on first use."""
    from hazm import utils  # hazm is imported by the normalizer already; its data ships with it

    with open(utils.default_words, encoding="utf-8") as lines:
        return frozenset(line.split("\t", 1)[0].replace("\u200c", "") for line in lines)
