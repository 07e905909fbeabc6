"""Deterministic filling: every bind parameter gets a value from the question, or Phase 1 does not answer.

Order of evidence per parameter: a structural constant keeps its example; a date parameter takes a date
expression (Korean relative dates included); otherwise the value is aligned with the example question; last,
numbers and quoted strings are matched by order of appearance."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlglot import exp

from text2sql_agent.filling.align import align_value, find_span
from text2sql_agent.filling.dates import find_date_ranges
from text2sql_agent.filling.tokens import tokenize_question
from text2sql_core.models import SQLTemplateInDB, TemplateParam
from text2sql_core.numberwords import find_number_words, number_from_word, number_words
from text2sql_core.sqltext import parse_one

__all__ = ["FillResult", "fill_template"]

# A Korean counter may follow a number ("5명", "2024년"); a Latin letter may not ("A320").
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:,\d{3})*(?:\.\d+)?(?![A-Za-z0-9_]|\.\d)")
_TRAILING = ".?!,;:"
_QUOTED = re.compile(r"'([^']+)'|\"([^\"]+)\"|‘([^’]+)’|“([^”]+)”")
# How surely each method reads a value: an exact match, a word-for-word replacement and a one-to-one order
# (as many numbers in the question as number parameters) are strong; a partial order is weak.
_QUALITY = {"constant": 1.0, "same": 1.0, "replaced": 0.9, "date": 0.9, "ordered_all": 0.9, "ordered": 0.7}


@dataclass
class FillResult:
    values: dict[str, Any] = field(default_factory=dict)
    methods: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def quality(self) -> float:
        """1.0 when every value was read off the question with certainty; lower for weaker evidence."""
        scores = [_QUALITY.get(m, 0.5) for m in self.methods.values()]
        return min(scores) if scores else 1.0


def _comparators(sql: str, dialect: str) -> dict[str, str]:
    """For each bind: the comparison it sits in (GTE, LT, BETWEEN_LOW, …) — decides which end of a date range."""
    roles: dict[str, str] = {}
    try:
        tree = parse_one(sql, dialect)
    except Exception:
        return roles
    for node in tree.find_all(exp.Placeholder):
        parent = node.parent
        if isinstance(parent, exp.Between):
            roles[node.name] = "BETWEEN_LOW" if parent.args.get("low") is node else "BETWEEN_HIGH"
        elif parent is not None:
            roles[node.name] = type(parent).__name__.upper()
    return roles


def _as_type(text: str, param: TemplateParam) -> Any | None:
    if param.type == "number":
        cleaned = text.replace(",", "")
        match = _NUMBER.search(cleaned)
        if not match:
            return number_from_word(cleaned.strip())
        number = match.group(0)
        return int(number) if re.fullmatch(r"-?\d+", number) else float(number)
    return text


def _transfer_case(example_value: str, example_span: str, new_value: str) -> str:
    if example_value == example_span:
        return new_value
    for convert in (str.upper, str.lower, str.title, str.capitalize):
        if convert(example_span) == example_value:
            return convert(new_value)
    return new_value


def _wildcards(value: Any) -> tuple[str, str, str]:
    text = str(value)
    core = text.strip("%")
    return text[: len(text) - len(text.lstrip("%"))], core, text[len(text.rstrip("%")) :]


def _date_value(param: TemplateParam, role: str, ranges: list, index: int) -> Any | None:
    if index >= len(ranges):
        return None
    start, end = ranges[index][1]
    chosen: date = end if role in {"LT", "LTE", "BETWEEN_HIGH"} else start
    example = str(param.example or "")
    return chosen.isoformat() + example[10:] if len(example) > 10 else chosen.isoformat()


def fill_template(template: SQLTemplateInDB, question: str, today: date | None = None) -> FillResult:
    result = FillResult()
    example = template.example_question or template.description
    roles = _comparators(template.normalized_text, template.dialect)
    ranges = find_date_ranges(question, today)
    # Numbers in digits or in words ("two or more"), in the order the question says them.
    numbers = [text for _, text in sorted([(m.start(), m.group(0)) for m in _NUMBER.finditer(question)]
                                          + find_number_words(question))]
    quoted = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(question)]
    wanted_numbers = sum(1 for p in template.params if p.from_question and p.type == "number")
    ordered = "ordered_all" if len(numbers) == wanted_numbers else "ordered"
    seen: dict[str, int] = {}
    date_index = number_index = quoted_index = 0
    for param in template.params:
        if not param.from_question:
            result.values[param.name], result.methods[param.name] = param.example, "constant"
            continue
        prefix, core, suffix = _wildcards(param.example)
        occurrence = seen.get(core.lower(), 0)
        seen[core.lower()] = occurrence + 1
        value, method = None, ""
        role = roles.get(param.name, "")
        if param.type == "date" and role == "BETWEEN_HIGH" and date_index == len(ranges) and ranges:
            # One expression ("지난달") gives both ends of a BETWEEN: its range's end closes it.
            value, method = _date_value(param, role, ranges, date_index - 1), "date"
        elif param.type == "date" and date_index < len(ranges):
            value, method = _date_value(param, role, ranges, date_index), "date"
            date_index += 1
        if value is None:
            aligned = align_value(example, question, _spelling(example, core, param), occurrence)
            if aligned is not None:
                text, method = aligned
                text = _clean_surface(text, core, quoted)
                typed = _as_type(text, param)
                if typed is not None and param.type != "number":
                    typed = prefix + _transfer_case(core, _example_surface(example, core), str(typed)) + suffix
                value = typed
        if value is None and param.type == "number" and number_index < len(numbers):
            value, method = _as_type(numbers[number_index], param), ordered
            number_index += 1
        elif value is None and param.type != "number" and quoted_index < len(quoted):
            value, method = prefix + quoted[quoted_index] + suffix, "ordered"
            quoted_index += 1
        if value is None:
            result.missing.append(param.name)
        else:
            result.values[param.name], result.methods[param.name] = value, method
    return result


def _spelling(example: str, core: str, param: TemplateParam) -> str:
    """How the example question writes the value: as in the SQL, or for a small number as a word ("three")."""
    tokens = tokenize_question(example)
    if param.type != "number" or find_span(tokens, core) is not None:
        return core
    return next((word for word in number_words(param.example) if find_span(tokens, word) is not None), core)


def _clean_surface(text: str, core: str, quoted: list[str]) -> str:
    """Sentence punctuation is not part of a value ("… code CVT." → CVT); a value that overlaps a quoted string in
    the question is that string ("the name 'Data base'" → Data base)."""
    if text and text[-1] in _TRAILING and not core.endswith(text[-1]):
        text = text.rstrip(_TRAILING)
    for inside in quoted:
        if len(text) >= 2 and text != inside and (inside in text or text in inside):
            return inside
    return text


def _example_surface(example: str, core: str) -> str:
    index = example.lower().find(core.lower())
    return example[index : index + len(core)] if index >= 0 else core
