"""Every demo template answers its own example questions with itself: constraint accounting never refuses a
question a template was written for (its periods, values, numbers and columns are all the template's)."""

from __future__ import annotations

from typing import Any

import pytest

from text2sql_core.clock import pinned_today


@pytest.fixture(autouse=True)
def _today():
    with pinned_today("2026-11-22"):
        yield


def test_each_example_question_is_answered_by_its_template(make_agent: Any, fast_demo: Any) -> None:
    agent = make_agent(threshold=0.0)
    failures = []
    for template in fast_demo.templates:
        for question in template.questions:
            answer = agent.ask(question, thread_id=f"example-{template.id}", execute=False)
            decision = answer.phase1
            chosen = decision.template_id if decision else None
            if chosen == template.id and (answer.phase != "phase1" or decision.leftovers or decision.missing):
                failures.append((question, decision.reason))
            elif chosen != template.id and answer.phase == "phase1":
                failures.append((question, f"answered with {chosen}"))
    assert failures == []
