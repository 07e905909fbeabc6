"""Read a JSON object out of a model's answer, whatever the model wrapped around it."""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["extract_json_object"]

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)


def _balanced_objects(text: str) -> list[str]:
    found, depth, start, in_string, escape = [], 0, -1, False, False
    for i, ch in enumerate(text):
        if in_string:
            escape = (ch == "\\") and not escape
            if ch == '"' and not escape:
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch == "{":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                found.append(text[start : i + 1])
    return found


def extract_json_object(text: str) -> dict[str, Any] | None:
    """The first JSON object in `text` (inside a code fence or not); None when there is none."""
    candidates = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    for candidate in candidates:
        for blob in _balanced_objects(candidate):
            try:
                value = json.loads(blob)
            except json.JSONDecodeError:
                continue
            if isinstance(value, dict):
                return value
    return None
