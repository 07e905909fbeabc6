"""Choosing among the stretches of a question that could be values: the best ones that do not overlap, each as
one match per (column, value) it names."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from text2sql_core.models import ValueMatch
from text2sql_pipeline.values.normalize import key

__all__ = ["Candidate", "Target", "select"]


@dataclass(frozen=True)
class Target:
    table: str
    column: str
    value: str
    synonym: bool
    key: str  # the normalised surface the target is found by (the value or the synonym)
    words: int  # how many words that surface has: a typo keeps the spacing ("한 건에" is no typo of 한건우)


@dataclass
class Candidate:
    start: int
    end: int
    targets: list[tuple[int, str, float]]  # (target id, method, score)
    fuzzy: bool


def select(question: str, candidates: list[Candidate], targets: list[Target]) -> list[ValueMatch]:
    """Best non-overlapping spans: exact before fuzzy, then longer, then higher scored, then earlier; in order."""
    candidates.sort(key=lambda c: (c.fuzzy, -(c.end - c.start), -max(s for _, _, s in c.targets), c.start))
    taken: list[tuple[int, int]] = []
    matches: list[ValueMatch] = []
    for candidate in candidates:
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        chosen = _resolve(question, candidate, targets)
        if chosen:
            taken.append((candidate.start, candidate.end))
            matches.extend(chosen)
    matches.sort(key=lambda m: (m.start, -m.score, m.table, m.column, m.value))
    return matches


def _resolve(question: str, candidate: Candidate, targets: list[Target]) -> list[ValueMatch]:
    """One match per (column, value), its best way; a typo that could be two values of one column is dropped."""
    best: dict[tuple[str, str, str], tuple[str, float]] = {}
    for target_id, method, score in candidate.targets:
        target = targets[target_id]
        slot = (target.table, target.column, target.value)
        if slot not in best or score > best[slot][1]:
            best[slot] = (method, score)
    if candidate.fuzzy:
        per_column: dict[tuple[str, str], set[str]] = defaultdict(set)
        for table, column, value in best:
            per_column[(table, column)].add(key(value))
        best = {slot: found for slot, found in best.items() if len(per_column[slot[:2]]) == 1}
    text = question[candidate.start : candidate.end]
    return [ValueMatch(start=candidate.start, end=candidate.end, text=text, value=value, table=table,
                       column=column, method=method, score=score)  # type: ignore[arg-type]
            for (table, column, value), (method, score) in best.items()]
