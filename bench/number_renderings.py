"""Numbers written by independent writers (num2fawords, persiantools) and as mixed digits and words,
with their values: the inputs of the property test and of bench/numbers.py. Seeded and reproducible."""

from __future__ import annotations

import random
from decimal import Decimal

import num2fawords
from persiantools import digits as persiantools_digits

SEED = 20261126
PERSIANTOOLS_LIMIT = 10**15  # persiantools writes numbers below this only
# Long-scale names, as num2fawords writes them; our scales table agrees (بیلیون is 10^12).
SCALE_NAMES = ["", "هزار", "میلیون", "میلیارد", "بیلیون"]
DIGIT_SCRIPTS = [str.maketrans("0123456789", script) for script in ("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")]


def random_integer(generator: random.Random) -> int:
    """Integers spread over every magnitude up to 10^15, round ones included."""
    digit_count = generator.randint(1, 15)
    value = generator.randrange(10 ** (digit_count - 1), 10**digit_count)
    if generator.random() < 0.2:
        value -= value % 10 ** generator.randint(1, digit_count)
    return max(value, 1)


def mixed_rendering(value: int, generator: random.Random) -> str:
    """Groups of three digits with scale words, each group as digits (any script) or as words:
    "3 میلیارد و ۴۰۰ میلیون و بیست هزار"."""
    groups = []
    power = 0
    while value:
        value, group = divmod(value, 1000)
        if group:
            if generator.random() < 0.5:
                written = str(group).translate(generator.choice(DIGIT_SCRIPTS))
            else:
                written = num2fawords.words(group)
            groups.append(f"{written} {SCALE_NAMES[power]}".strip())
        power += 1
    return " و ".join(reversed(groups))


def decimal_rendering(generator: random.Random) -> tuple[str, Decimal]:
    places = generator.randint(1, 6)
    value = Decimal(generator.randrange(0, 10**9)) / Decimal(10**places)
    style = generator.random()
    if style < 0.5:
        return str(value).translate(generator.choice(DIGIT_SCRIPTS)), value
    if style < 0.75:
        return f"{value:,}".replace(".", "٫").translate(DIGIT_SCRIPTS[1]), value
    # In words the whole part is kept below 20: number writers spell "بیست و پنج صدم" alike for
    # 0.25 and 20.05, an ambiguity no reader can settle (we read it as one fraction).
    value = Decimal(generator.randrange(0, 20)) + Decimal(generator.randrange(1, 10**places)) / Decimal(10**places)
    return num2fawords.words(value), value


def renderings(count: int, seed: int = SEED) -> list[tuple[str, int | Decimal]]:
    """`count` (text, value) pairs, a fifth of each kind: num2fawords words, persiantools words,
    mixed digits and words, decimals, digits with thousands separators."""
    generator = random.Random(seed)
    cases: list[tuple[str, int | Decimal]] = []
    for index in range(count):
        kind = index % 5
        if kind == 0:
            value = random_integer(generator)
            cases.append((num2fawords.words(value), value))
        elif kind == 1:
            value = min(random_integer(generator), PERSIANTOOLS_LIMIT - 1)
            cases.append((persiantools_digits.to_word(value), value))
        elif kind == 2:
            value = random_integer(generator)
            cases.append((mixed_rendering(value, generator), value))
        elif kind == 3:
            cases.append(decimal_rendering(generator))
        else:
            value = random_integer(generator)
            cases.append((f"{value:,}".translate(generator.choice(DIGIT_SCRIPTS)), value))
    return cases


def ordinal_renderings(count: int, seed: int = SEED) -> list[tuple[str, int]]:
    """num2fawords' ordinals below a million; whole thousands above 1000 are left out, because
    "دو هزارم" is also how num2fawords spells 0.002, and we read it so."""
    generator = random.Random(seed)
    cases = []
    while len(cases) < count:
        value = generator.randint(1, 999_999)
        if value % 1000 or value == 1000:
            cases.append((num2fawords.ordinal_words(value), value))
    return cases
