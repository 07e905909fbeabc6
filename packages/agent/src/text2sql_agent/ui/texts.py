"""The chat's words, in Korean and English: picked by the language of the question."""

from __future__ import annotations

__all__ = ["text"]

_TEXTS: dict[str, tuple[str, str]] = {
    "phase1": ("Phase 1 (검증된 템플릿)", "Phase 1 (verified template)"),
    "phase2": ("Phase 2 (LLM 생성)", "Phase 2 (LLM-written)"),
    "confidence": ("신뢰도", "confidence"),
    "template": ("템플릿", "template"),
    "rows": ("{n}행", "{n} rows"),
    "truncated": ("결과가 {n}행에서 잘렸습니다 (최대 행 수 설정).",
                  "The result was cut at {n} rows (max rows setting)."),
    "sql_only": ("SQL만 생성했습니다 (실행하지 않음).", "SQL only: not run."),
    "suggestions": ("가장 가까운 템플릿 — 눌러서 물어보세요:", "Closest templates — click one to ask it:"),
    "csv": ("결과 CSV", "Result CSV"),
    "chart": ("차트", "Chart"),
    "table": ("결과", "Result"),
    "no_rows": ("결과 행이 없습니다.", "No rows."),
}


def text(key: str, korean: bool, **values: object) -> str:
    ko, en = _TEXTS[key]
    return (ko if korean else en).format(**values)
