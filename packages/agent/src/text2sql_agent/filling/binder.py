"""Deterministic filling: every bind parameter gets a value from the question, or Phase 1 does not answer.

Order of evidence per parameter: a structural constant keeps its example; date parameters are filled as groups from
the question's periods (`filling.periods`); a string slot takes the value index's match for its column; otherwise
the value is aligned with the example question; last, numbers and quoted strings are matched by order of
appearance. Which stretches of the question each value came from is kept, so `filling.constraints` can tell
what the question said that no slot took."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from text2sql_agent.filling.align import align_value, find_span
from text2sql_agent.filling.periods import PeriodBinding, bind_periods, is_date_param
from text2sql_agent.filling.roles import param_roles
from text2sql_agent.filling.tokens import tokenize_question
from text2sql_agent.filling.values import ValueEvidence
from text2sql_core import clock
from text2sql_core.models import SQLTemplateInDB, TemplateParam
from text2sql_core.numberwords import find_number_words, number_from_word, number_words

__all__ = ["FillResult", "fill_template", "question_numbers"]

# A Korean counter may follow a number ("5명", "2024년"); a Latin letter may not ("A320").
_NUMBER = re.compile(r"(?<![\w.])-?\d+(?:,\d{3})*(?:\.\d+)?(?![A-Za-z0-9_]|\.\d)")
_TRAILING = ".?!,;:"
_QUOTED = re.compile(r"'([^']+)'|\"([^\"]+)\"|‘([^’]+)’|“([^”]+)”")
# How surely each method reads a value: an exact match, a word-for-word replacement, the value index, the period
# parser and a one-to-one order (as many numbers in the question as number parameters) are strong; a partial
# order is weak.
_QUALITY = {"constant": 1.0, "same": 1.0, "index": 1.0, "period": 1.0, "replaced": 0.9, "date": 0.9,
            "ordered_all": 0.9, "ordered": 0.7}
Span = tuple[int, int]


@dataclass
class FillResult:
    values: dict[str, Any] = field(default_factory=dict)
    methods: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    # Stretches of the question each bound value was read from.
    spans: dict[str, Span] = field(default_factory=dict)
    periods: PeriodBinding = field(default_factory=PeriodBinding)
    # Slots whose value the value index does not know for their column: name → the value read.
    unknown: dict[str, str] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def quality(self) -> float:
        """1.0 when every value was read off the question with certainty; lower for weaker evidence."""
        scores = [_QUALITY.get(m, 0.5) for m in self.methods.values()]
        return min(scores) if scores else 1.0

    @property
    def grounded_share(self) -> float:
        """Share of the question's values bound by the value index or the period parser (1.0 when none)."""
        bound = [m for m in self.methods.values() if m != "constant"]
        return sum(m in {"index", "period"} for m in bound) / len(bound) if bound else 1.0


def _as_type(text: str, param: TemplateParam) -> Any | None:
    if param.type in {"number", "limit"}:
        cleaned = text.replace(",", "")
        match = _NUMBER.search(cleaned)
        if not match:
            return number_from_word(cleaned.strip())
        number = _with_korean_unit(cleaned, match)[1]
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


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def question_numbers(question: str, exclude: list[Span]) -> list[tuple[Span, str]]:
    """Numbers in digits or in words ("two or more", "세 명"), in order, outside the `exclude` spans (periods)."""
    found = [_with_korean_unit(question, m) for m in _NUMBER.finditer(question)]
    found += [((pos, pos + len(word)), word) for pos, word in find_number_words(question)]
    return sorted((item for item in found if not _inside(item[0], exclude)), key=lambda item: item[0])


_KO_UNIT = re.compile(r"\s*(천|만|억)")
_KO_UNIT_VALUE = {"천": 1_000, "만": 10_000, "억": 100_000_000}


def _with_korean_unit(question: str, match: re.Match[str]) -> tuple[Span, str]:
    """"450만원" is 4500000 and "1.5억" 150000000: a Korean myriad unit after digits multiplies them."""
    unit = _KO_UNIT.match(question, match.end())
    if unit is None:
        return (match.start(), match.end()), match.group(0)
    value = float(match.group(0).replace(",", "")) * _KO_UNIT_VALUE[unit.group(1)]
    return (match.start(), unit.end()), str(int(value)) if value.is_integer() else str(value)


def _locate(question: str, text: str, taken: list[Span]) -> Span | None:
    lowered, needle = question.lower(), text.lower().strip()
    start = lowered.find(needle) if needle else -1
    while start >= 0:
        span = (start, start + len(needle))
        if not _inside(span, taken):
            return span
        start = lowered.find(needle, start + 1)
    return None


def fill_template(template: SQLTemplateInDB, question: str, today: date | None = None,
                  evidence: ValueEvidence | None = None) -> FillResult:
    roles = param_roles(template)
    periods = bind_periods(template, question, today or clock.today(), roles)
    result = FillResult(periods=periods)
    example = template.example_question or template.description
    period_spans = [p.span for p in periods.periods]
    numbers = question_numbers(question, period_spans)
    quoted = [((m.start(), m.end()), next(g for g in m.groups() if g)) for m in _QUOTED.finditer(question)]
    wanted_numbers = sum(1 for p in template.params if p.from_question and p.type in {"number", "limit"})
    ordered = "ordered_all" if len(numbers) == wanted_numbers else "ordered"
    seen: dict[str, int] = {}
    used_matches: set[int] = set()
    number_index = quoted_index = 0
    for param in template.params:
        if not param.from_question:
            result.values[param.name], result.methods[param.name] = param.example, "constant"
            continue
        if is_date_param(param):
            if param.name in periods.values:
                result.values[param.name], result.methods[param.name] = periods.values[param.name], "period"
            else:
                result.missing.append(param.name)  # never the example's date: the question must say it
            continue
        prefix, core, suffix = _wildcards(param.example)
        occurrence = seen.get(core.lower(), 0)
        seen[core.lower()] = occurrence + 1
        value, method, span = None, "", None
        match = evidence.match_for(param, used_matches) if evidence and param.type != "number" else None
        if match is not None:
            value, method, span = prefix + str(match.value) + suffix, "index", (match.start, match.end)
        if value is None:
            aligned = align_value(example, question, _spelling(example, core, param), occurrence)
            if aligned is not None:
                text, method = aligned
                text = _clean_surface(text, core, [q for _, q in quoted])
                typed = _as_type(text, param)
                if typed is not None and param.type not in {"number", "limit"}:
                    typed = prefix + _transfer_case(core, _example_surface(example, core), str(typed)) + suffix
                value = typed
                span = _locate(question, text, list(result.spans.values())) if typed is not None else None
                unit = _KO_UNIT.match(question, span[1]) if span and param.type in {"number", "limit"} else None
                if unit is not None and span is not None:  # the words split "1.5" from "억": read them together
                    span = (span[0], unit.end())
                    value = _as_type(question[span[0]:span[1]], param)
        if value is None and param.type in {"number", "limit"} and number_index < len(numbers):
            span, text = numbers[number_index]
            value, method = _as_type(text, param), ordered
            number_index += 1
        elif value is None and param.type not in {"number", "limit"} and quoted_index < len(quoted):
            span, text = quoted[quoted_index]
            value, method = prefix + text + suffix, "ordered"
            quoted_index += 1
        if value is None:
            result.missing.append(param.name)
            continue
        result.values[param.name], result.methods[param.name] = value, method
        if span is not None:
            result.spans[param.name] = span
        if (method != "index" and evidence is not None and param.type not in {"number", "limit"}
                and evidence.knows(param) and not evidence.has(param, str(value).strip("%"))):
            result.unknown[param.name] = str(value).strip("%")
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
