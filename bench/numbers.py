"""Our number grammar against persian_tools.digits.convert_from_word: accuracy and speed, same inputs, same run.

    pip install -e '.[test,bench]'
    python bench/numbers.py [--renderings 20000] [--repeat 3] [--shared-data ../shared/data]

Prints, per input set, how many each parser gets exactly right; then numbers per second over all the
inputs (best of --repeat runs, the two parsers interleaved) and the speed ratio. Then our pass rate on
the shared number_word_cases.jsonl, with every case we fail grouped by the reason we disagree.
"""

from __future__ import annotations

import sys

# This file is named numbers.py: its folder, first on sys.path, would shadow the standard library's
# `numbers` module (which `decimal` imports). Look in it last.
sys.path.append(sys.path.pop(0))

import argparse
import json
import time
from collections import Counter, defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from number_renderings import renderings

from extractor import extract
from extractor.numbers import find_numbers, parse_number

REPOSITORY = Path(__file__).resolve().parent.parent
DEFAULT_SHARED_DATA = REPOSITORY.parent / "shared" / "data"
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def _peer():
    try:
        from persian_tools.digits import convert_from_word
    except ImportError:
        sys.exit("bench/numbers.py: the peer is missing: pip install -e '.[bench]'")
    return convert_from_word


def _exact(value) -> Decimal | None:
    """A comparable exact value from an int, a float, or a string such as "12,022", "-٣٠٠٠", "1/2", "1e-3"."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.translate(_DIGITS).replace(",", "").replace("٬", "").replace("٫", ".").strip()
        if not text:
            return None
        if "/" in text:
            fraction = Fraction(text)
            return Decimal(fraction.numerator) / Decimal(fraction.denominator)
        return Decimal(text)
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


def _ours(text: str) -> Decimal | None:
    parsed = parse_number(text)
    return None if parsed is None or parsed.value is None else _exact(parsed.value)


def _peers(convert, text: str) -> Decimal | None:
    try:
        return _exact(convert(text))
    except Exception:  # the peer raises on some inputs; that counts as a wrong answer
        return None


def _corpus_inputs() -> list[tuple[str, Decimal]]:
    """corpus/numbers.jsonl: single numbers only (ranges and vague quantities have no one value)."""
    cases = []
    for line in (REPOSITORY / "corpus" / "numbers.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["value"] is not None and "high" not in case:
            cases.append((case["text"], _exact(case["value"])))
    return cases


def _accuracy(name: str, cases: list[tuple[str, Decimal]], convert) -> None:
    ours = sum(_ours(text) == value for text, value in cases)
    theirs = sum(_peers(convert, text) == value for text, value in cases)
    print(f"{name:<28}{len(cases):>8}{100 * ours / len(cases):>12.2f}%{100 * theirs / len(cases):>16.2f}%")


def _rate(function, texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - started)
    return len(texts) / best


def _speed(texts: list[str], convert, repeat: int) -> None:
    def peer(text):
        try:
            convert(text)
        except Exception:
            pass

    ours_rates, peer_rates = [], []
    for _ in range(repeat):  # interleaved, so both see the same machine load
        ours_rates.append(_rate(parse_number, texts, 1))
        peer_rates.append(_rate(peer, texts, 1))
    ours, theirs = max(ours_rates), max(peer_rates)
    print(f"\nspeed over {len(texts)} inputs (best of {repeat}):")
    print(f"  khabar parse_number            {ours:>10,.0f} numbers/s")
    print(f"  persian_tools convert_from_word {theirs:>9,.0f} numbers/s")
    print(f"  ratio                          {ours / theirs:>10.2f}x")


# Why we disagree with a shared case, tried in order; a case that fits none is a plain failure.
def _disagreement(case: dict, ours: Decimal | None, expected: Decimal | None) -> str:
    text, options = case["text"], case.get("options") or {}
    if case["kind"] == "fuzzy":
        return "misspelled number words: we do not guess corrections"
    if ours is None and expected == 0:
        return "no number in the text: we answer None, not 0"
    if any(marker in text for marker in ("به توان", "به قوه", "به نمای")):
        return "scientific notation (یک در ده به توان سه): not supported"
    if options.get("fraction_separator") or any(marker in text for marker in ("تقسیم بر", " روی ", "ممیز")):
        return "a writer's custom fraction or decimal separator"
    if options.get("table") == "MAGNITUDE":
        return "scale convention: persian-tools has بیلیون = 10^9; num2fawords and we, 10^12"
    if expected is not None and expected == int(expected) and text.rstrip().endswith(("هزارم", "میلیونم", "میلیاردم")):
        return "a '-م' scale word after a number is a fraction (دو هزارم = 0.002, as num2fawords writes it)"
    if options.get("autoConvertArabicCharsToPersian") or options.get("autoConvertDigitsToEn"):
        return "garbled text persian-tools repairs by guessing; we read what is written"
    if "/" in str(case["value"]) and ours is None:
        return "improper fractions in words (هشت چهارم): not supported"
    if any(word.endswith(("میلیونیم", "هزاریم", "میلیاردیم")) for word in text.split()):
        return "persiantools' own spelling of a denominator (ده میلیونیم for ده میلیونم)"
    if len(find_numbers(text)) > 1 or text.split()[0].endswith("م") and len(text.split()) > 1:
        return "words Persian does not combine so (منفی چهارصد 200, دهم هزار)"
    return ""


def _money_disagreement(case: dict) -> str:
    options = case.get("options") or {}
    if not options.get("formal"):
        return "colloquial money: persian-tools counts تومن in thousands; news means tomans"
    return ""


def _money_value(case: dict) -> Decimal | None:
    """A formal money case's value from our money fact, converted as the case's options ask."""
    facts = [fact for fact in extract(case["text"]).facts if fact.kind == "money"]
    if len(facts) != 1:
        return None
    fact = facts[0]
    target = (case.get("options") or {}).get("to")
    if target == "rial":
        return _exact(fact.value_irr)
    if target == "toman" and fact.value_irr is not None:
        return _exact(fact.value_irr) / 10
    return _exact(fact.value)


def _shared_cases(shared_data: Path) -> None:
    path = shared_data / "numbers" / "number_word_cases.jsonl"
    if not path.is_file():
        print(f"\nshared cases: {path} not found; skipped")
        return
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    passed = 0
    disagreements: dict[str, list[str]] = defaultdict(list)
    failures = []
    for case in cases:
        if case["kind"] == "fuzzy":  # the value is the corrected spelling: agreeing means reading both alike
            expected = _ours(case["value"])
            ours = _ours(case["text"])
            if ours == expected:
                passed += 1
            else:
                disagreements[_disagreement(case, ours, expected)].append(case["text"])
            continue
        expected = _exact(case["value"])
        if case["kind"] == "money_words":
            ours = _money_value(case)
            reason = _money_disagreement(case) if ours != expected else ""
        else:
            ours = _ours(case["text"])
            if ours is None:  # a number inside running text, as persian-tools also reads it
                found = [match for match in find_numbers(case["text"]) if match.value is not None]
                ours = _exact(found[0].value) if len(found) == 1 else None
            reason = _disagreement(case, ours, expected) if ours != expected else ""
        if ours == expected:
            passed += 1
        elif reason:
            disagreements[reason].append(case["text"])
        else:
            failures.append((case["kind"], case["text"], case["value"], ours))
    print(f"\nshared number_word_cases.jsonl: {passed}/{len(cases)} pass ({100 * passed / len(cases):.1f}%)")
    print(f"deliberate disagreements: {sum(map(len, disagreements.values()))}")
    for reason, texts in sorted(disagreements.items(), key=lambda item: -len(item[1])):
        print(f"  {len(texts):>4}  {reason}")
    print(f"other failures: {len(failures)}")
    for kind, text, value, ours in failures:
        print(f"  {kind}: {text!r} expected {value} got {ours}")
    kinds = Counter(case["kind"] for case in cases)
    print("cases by kind: " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renderings", type=int, default=20_000, help="generated renderings to use")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per parser (best counts)")
    parser.add_argument("--shared-data", type=Path, default=DEFAULT_SHARED_DATA)
    arguments = parser.parse_args()
    convert = _peer()
    corpus, generated = _corpus_inputs(), renderings(arguments.renderings)
    print(f"{'input set':<28}{'cases':>8}{'khabar exact':>13}{'persian_tools exact':>17}")
    _accuracy("corpus/numbers.jsonl", corpus, convert)
    _accuracy("generated renderings", generated, convert)
    everything = corpus + generated
    print("\nall inputs (persian_tools answers 0 at once on most digits and decimals, which it cannot read):", end="")
    _speed([text for text, _ in everything], convert, arguments.repeat)
    print("\nonly the inputs persian_tools reads right:", end="")
    _speed([text for text, value in everything if _peers(convert, text) == value], convert, arguments.repeat)
    _shared_cases(arguments.shared_data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
