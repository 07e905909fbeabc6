"""Question words and where a value may end in them: before Korean particles and endings, never mid-word."""

from __future__ import annotations

import pytest

from text2sql_pipeline.values.words import question_words


def _stems(question: str) -> dict[str, list[str]]:
    return {question[w.start : w.end]: [question[w.start : s] for s in w.stems] for w in question_words(question)}


@pytest.mark.parametrize(("word", "stem"), [
    ("재무팀의", "재무팀"), ("부산에", "부산"), ("부산에서", "부산"), ("서울로", "서울"), ("등급인", "등급"),
    ("Seoul에서", "Seoul"), ("마케팅팀으로", "마케팅팀"),
])
def test_particles_are_cut(word: str, stem: str) -> None:
    assert stem in _stems(f"{word} 고객 목록")[word]


def test_words_without_particles_keep_whole() -> None:
    stems = _stems("총무팀 직원과 남은 재고")
    assert stems["총무팀"] == [] and stems["직원과"] == ["직원"]
    assert stems["남은"] == []  # the verb 남다: never the one-syllable value 남


def test_punctuation_separates_words() -> None:
    question = "'재무팀', 인사팀(본사)은?"
    assert [question[w.start : w.end] for w in question_words(question)] == ["재무팀", "인사팀", "본사", "은"]
    assert question_words("") == [] and question_words("   ") == []
