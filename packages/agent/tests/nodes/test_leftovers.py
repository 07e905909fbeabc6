"""The issue's examples on the demo: a month the all-time template would drop, an average of another column —
not answered, the leftover named in the question's language; the demo's own questions and other values answer."""

from __future__ import annotations

from typing import Any

import pytest

from text2sql_agent.filling.constraints import Leftover
from text2sql_agent.nodes.no_answer import leftover_message
from text2sql_core.clock import pinned_today


@pytest.fixture(autouse=True)
def _today():
    with pinned_today("2026-11-22"):
        yield


def test_a_month_the_template_cannot_say_is_named_not_dropped(make_agent: Any) -> None:
    answer = make_agent(threshold=0.0).ask("지난달 지역별 매출 합계는?")
    if answer.phase == "phase1":  # a template with a period slot answered: it must hold October 2026
        assert "2026-10-01" in answer.sql_inlined
        return
    assert answer.error.code == "NO_CONFIDENT_ANSWER"
    assert "'지난달'은 이 질문 유형에 기간 조건이 없어 반영할 수 없습니다" in answer.error.message
    assert answer.phase1.leftovers[0].kind == "period" and "지난달" in answer.phase1.reason


def test_an_average_of_another_column_is_not_answered(make_agent: Any) -> None:
    answer = make_agent(threshold=0.0).ask("카테고리별 상품 평균 가격")
    assert answer.phase != "phase1" or "price" in answer.sql.lower()


def test_english_leftovers_are_named_in_english(make_agent: Any) -> None:
    answer = make_agent(threshold=0.0).ask("Total payroll by department for the top 3 departments")
    assert answer.phase is None and "'3' cannot be taken into account" in answer.error.message
    assert answer.error.context["leftovers"][0]["text"] == "3"


@pytest.mark.parametrize(("question", "values"), [
    ("재무팀 직원 목록을 보여줘", {"dept_name": "재무팀"}),
    ("인사팀 직원 목록을 보여줘", {"dept_name": "인사팀"}),
    ("대리 직급 직원은 몇 명인가요?", {"position": "대리"}),
    ("서울에 사는 직원을 알려줘", {"city": "서울"}),
    ("부산에 사는 직원을 알려줘", {"city": "부산"}),
])
def test_other_values_of_the_same_column_answer(make_agent: Any, question: str, values: dict) -> None:
    answer = make_agent(threshold=0.0).ask(question)
    assert answer.phase == "phase1" and answer.params == values and not answer.phase1.leftovers


def test_messages_name_each_kind_with_the_right_particle() -> None:
    items = [Leftover("period", "지난달", (0, 3)), Leftover("column", "판매 가격", (4, 9)),
             Leftover("unknown_value", "인천", (0, 2)), Leftover("limit", "5", (0, 1))]
    korean = leftover_message(items, korean=True)
    assert "'지난달'은 이 질문 유형에 기간 조건이 없어" in korean and "'판매 가격'는" not in korean
    assert "'판매 가격'은 이 질문 유형이 그 항목을 다루지 않아" in korean and "'인천'은 데이터에 있는 값이 아니어서" in korean
    assert "'5'은(는) 이 질문 유형에 개수 제한이 없어" in korean
    english = leftover_message(items, korean=False)
    assert "'지난달' cannot be taken into account: this kind of question has no period condition." in english
