"""One line per graph step, in the user's language: the A2A status updates and the chat's step titles."""

from __future__ import annotations

from typing import Any

from text2sql_agent.answer import Step

__all__ = ["describe_step", "step_title"]

_TITLES = {
    "question": ("질문 이해", "Question"),
    "retrieval": ("템플릿 검색", "Template retrieval"),
    "phase1": ("Phase 1: 템플릿 채우기", "Phase 1: template filling"),
    "phase2_schema": ("Phase 2: 스키마 선택", "Phase 2: schema selection"),
    "phase2_generate": ("Phase 2: SQL 생성", "Phase 2: SQL generation"),
    "validation": ("SQL 검증", "SQL validation"),
    "repair_exhausted": ("수정 한도 도달", "Repairs exhausted"),
    "execution": ("실행", "Execution"),
    "answer": ("요약", "Summary"),
    "no_answer": ("답변 불가", "No answer"),
    "error": ("오류", "Error"),
}


def step_title(name: str, korean: bool) -> str:
    ko, en = _TITLES.get(name, (name, name))
    return ko if korean else en


def _retrieval(detail: dict[str, Any], korean: bool) -> str:
    if "error" in detail:
        return detail["error"]
    found = detail.get("templates") or []
    best = ", ".join(f"{t['description'][:40]} ({t['score']:.2f})" for t in found[:3])
    return (f"{len(found)}개 후보: {best}" if korean else f"{len(found)} candidates: {best}") if found else (
        "후보 없음" if korean else "no candidates")


def _phase1(step: Step, korean: bool) -> str:
    d = step.detail
    if "confidence" not in d:
        return d.get("reason", "")
    head = f"{d.get('description', '')[:50]} · {'신뢰도' if korean else 'confidence'} {d['confidence']:.2f}"
    if step.status == "ok":
        return head + (" · 채택" if korean else " · accepted")
    return f"{head} · {d.get('reason', '')}"


def _execution(detail: dict[str, Any], korean: bool) -> str:
    if "error" in detail:
        return detail["error"]
    more = (" (잘림)" if korean else " (truncated)") if detail.get("truncated") else ""
    rows = detail.get("rows", 0)
    return (f"{rows}행{more}, {detail.get('elapsed_ms', 0):.0f} ms" if korean
            else f"{rows} rows{more} in {detail.get('elapsed_ms', 0):.0f} ms")


def describe_step(step: Step, korean: bool = True) -> str:
    """`Title — what happened`, short enough for a status line."""
    d = step.detail
    if step.name == "retrieval":
        body = _retrieval(d, korean)
    elif step.name == "phase1":
        body = _phase1(step, korean)
    elif step.name == "execution":
        body = _execution(d, korean)
    elif step.name == "phase2_schema":
        body = ", ".join(d.get("tables") or []) or str(d.get("source", ""))
    elif step.name == "phase2_generate":
        body = (f"시도 {d.get('attempt')}" if korean else f"attempt {d.get('attempt')}") + (
            (" (수정)" if korean else " (repair)") if d.get("repair") else "")
    elif step.name == "validation":
        body = ("통과" if korean else "passed") if d.get("valid") else str(d.get("explanation", ""))
    elif step.name == "question":
        body = str(d.get("question", ""))
    else:
        body = str(d.get("reason", ""))
    return f"{step_title(step.name, korean)} — {body}" if body else step_title(step.name, korean)
