"""Values are not meaning: mask them before matching a question to templates.

A template's example question says "flights of United Airlines"; a new question asks about "JetBlue Airways".
Left in, the names pull the search toward whichever template happened to mention the same name. The template
side masks the example values of its parameters (`mask_values`); the question side masks what looks like a value
(`mask_question`): quoted strings, numbers, codes in capitals and capitalised names inside a sentence."""

from __future__ import annotations

import re

from text2sql_core.text.values import DIGITS, QUOTED

__all__ = ["MASK", "mask_question", "mask_values", "values_pattern"]

MASK = "X"
_CODE = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")
# A run of capitalised words not at the start of the text or of a sentence.
_NAME = re.compile(r"(?<=[a-z0-9,] )(?:[A-Z][\w&.'-]*)(?: (?:of |de |the )?[A-Z][\w&.'-]*)*")
_REPEATED = re.compile(rf"(?:{MASK}\s*)+(?={MASK})")


def mask_question(question: str) -> str:
    """`question` with every value-looking stretch replaced by one `MASK` (runs of masks collapse to one)."""
    text = QUOTED.sub(MASK, question)
    text = DIGITS.sub(MASK, text)
    text = _CODE.sub(MASK, text)
    text = _NAME.sub(MASK, text)
    return _REPEATED.sub("", text)


def values_pattern(values: list[str] | set[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for `values`, longest first. A value starts on a word boundary and does not
    run into a Latin word ("cat" is not in "catalog"), but Korean may follow it: particles attach to the word
    ("부산" in "부산에", "부산에서"), so a Hangul boundary would never match a Korean value in a sentence."""
    kept = sorted({v for v in values if v}, key=len, reverse=True)
    if not kept:
        return None
    alternatives = "|".join(re.escape(v) for v in kept)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?![A-Za-z0-9_])", re.IGNORECASE)


def mask_values(text: str, values: list[str]) -> str:
    """`text` with each of `values` replaced by `MASK` (the same rule the question side uses: `values_pattern`)."""
    pattern = values_pattern(values)
    return pattern.sub(MASK, text) if pattern else text
