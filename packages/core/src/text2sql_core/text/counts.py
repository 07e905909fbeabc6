"""How many units a period phrase counts: "최근 세 달", "삼 개월", "두 주", "열흘", "일주일", "past seven days".

Korean has two number systems and each goes with its own units, so each is allowed only before
the units it is used with: native numerals (한 두 세 … 열두 스무, 석/넉 only before 달) before
달/주/해/개월, Sino-Korean ones (일 이 삼 … 구십구) before 주/주일/개월/년 and, after a space, 일
("삼 일"), digits before any. This keeps "세일 전" (before the sale) and "오일 전" (before the oil)
from reading as "3 days ago", "5 days ago". Day counts also have their own words (하루, 이틀, …
열흘, 보름) that carry the unit.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["EN_COUNT_UNIT", "KO_COUNT_UNIT", "Unit", "en_count_unit", "ko_count_unit"]

Unit = Literal["day", "week", "month", "year"]

_KO_UNITS: dict[str, Unit] = {"일": "day", "주": "week", "주일": "week", "주간": "week", "개월": "month",
                              "달": "month", "년": "year", "해": "year"}
_NATIVE = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10,
           "열한": 11, "열두": 12, "스무": 20, "석": 3, "넉": 4}
_SINO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
_DAY_WORDS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "여드레": 8, "아흐레": 9,
              "열흘": 10, "보름": 15}

_SINO = r"(?:[이삼사오육칠팔구]?십[일이삼사오육칠팔구]?|[일이삼사오육칠팔구])"
# One alternation, one group name per number system: (digits | native | sino | day word | 반년).
KO_COUNT_UNIT = (
    r"(?:(?P<ko_digits>\d{1,3})\s*(?P<ko_digits_unit>개월|주일|주간|달|주|일|년|해)"
    r"|(?P<ko_native>열한|열두|다섯|여섯|일곱|여덟|아홉|스무|한|두|세|네|열)\s*(?P<ko_native_unit>개월|주일|달|주|해)"
    r"|(?P<ko_month_native>석|넉)\s*달"
    rf"|(?P<ko_sino>{_SINO})(?:\s*(?P<ko_sino_unit>개월|주일|주|년)|\s+(?P<ko_sino_day>일))"
    r"|(?P<ko_day_word>하루|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘|보름)"
    r"|(?P<ko_half_year>반년))"
)

_EN_NUMBERS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split()) if n}
EN_COUNT_UNIT = (
    r"(?:(?P<en_count>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?P<en_unit>day|week|month|year)s?)"
)


def _sino_value(text: str) -> int:
    if "십" not in text:
        return _SINO_DIGITS[text]
    tens, _, ones = text.partition("십")
    return _SINO_DIGITS.get(tens, 1) * 10 + _SINO_DIGITS.get(ones, 0)


def ko_count_unit(match: re.Match[str]) -> tuple[int, Unit]:
    """(count, unit) from a match of a pattern that includes KO_COUNT_UNIT."""
    group = match.groupdict()
    if group["ko_digits"]:
        return int(group["ko_digits"]), _KO_UNITS[group["ko_digits_unit"]]
    if group["ko_native"]:
        return _NATIVE[group["ko_native"]], _KO_UNITS[group["ko_native_unit"]]
    if group["ko_month_native"]:
        return _NATIVE[group["ko_month_native"]], "month"
    if group["ko_sino"]:
        return _sino_value(group["ko_sino"]), _KO_UNITS[group["ko_sino_unit"] or "일"]
    if group["ko_day_word"]:
        return _DAY_WORDS[group["ko_day_word"]], "day"
    return 6, "month"  # 반년, half a year


def en_count_unit(match: re.Match[str]) -> tuple[int, Unit]:
    """(count, unit) from a match of a pattern that includes EN_COUNT_UNIT ("a week" counts one)."""
    count = match.group("en_count").lower()
    number = int(count) if count.isdigit() else 1 if count in {"a", "an"} else _EN_NUMBERS[count]
    return number, match.group("en_unit").lower()  # type: ignore[return-value]
