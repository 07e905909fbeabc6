"""Where did the example's value go? Align the example question with the new one (difflib over tokens): a value
inside an unchanged stretch stays; a value that was replaced takes the words that replaced it."""

from __future__ import annotations

from difflib import SequenceMatcher

from text2sql_core.text.tokens import Token, tokenize_question

__all__ = ["align_value", "find_span"]


def find_span(tokens: tuple[Token, ...], value: str, occurrence: int = 0) -> tuple[int, int] | None:
    """Token span [a, b) whose text equals `value` (case-insensitive); the n-th occurrence."""
    target = value.lower().strip()
    if not target:
        return None
    seen = 0
    for a in range(len(tokens)):
        text = ""
        for b in range(a, min(len(tokens), a + 8)):
            piece = tokens[b].key
            joined_space = f"{text} {piece}".strip()
            joined_tight = f"{text}{piece}"
            if target in (joined_space, joined_tight):
                if seen == occurrence:
                    return a, b + 1
                seen += 1
                break
            text = joined_space
            if len(text) > len(target) + 8:
                break
    return None


def _surface(question: str, tokens: tuple[Token, ...], a: int, b: int) -> str:
    return question[tokens[a].start : tokens[b - 1].end].strip("'\"")


def _map_start(opcodes: list[tuple], a: int) -> int | None:
    for tag, i1, i2, j1, _ in opcodes:
        if i1 <= a < i2:
            if tag == "equal":
                return j1 + a - i1
            return j1 if a == i1 and tag == "replace" else None
    return None


def _map_end(opcodes: list[tuple], b: int) -> int | None:
    for tag, i1, i2, j1, j2 in opcodes:
        if i1 < b <= i2:
            if tag == "equal":
                return j1 + b - i1
            return j2 if b == i2 and tag == "replace" else None
    return None


def align_value(example: str, question: str, value: str, occurrence: int = 0) -> tuple[str, str] | None:
    """(new value, how) for `value` as it stood in `example`; None when the new question does not say.

    The value's first and last tokens are mapped through the diff: each must sit in an unchanged stretch or at
    the edge of a replaced one ("개발+팀" → "마케팅+팀" maps to "마케팅팀")."""
    ex_tokens, new_tokens = tokenize_question(example), tokenize_question(question)
    span = find_span(ex_tokens, value, occurrence)
    if span is None:
        return None
    a, b = span
    matcher = SequenceMatcher(None, [t.key for t in ex_tokens], [t.key for t in new_tokens], autojunk=False)
    opcodes = matcher.get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:  # a word-for-word rewrite of a longer stretch keeps positions
        if tag == "replace" and i1 <= a and b <= i2 and (i1, i2) != (a, b) and i2 - i1 == j2 - j1:
            return _surface(question, new_tokens, j1 + a - i1, j1 + b - i1), "replaced"
    start, end = _map_start(opcodes, a), _map_end(opcodes, b)
    if start is None or end is None or end <= start:
        return None
    unchanged = all(tag == "equal" for tag, i1, i2, _, _ in opcodes if i1 < b and a < i2)
    return _surface(question, new_tokens, start, end), "same" if unchanged else "replaced"
