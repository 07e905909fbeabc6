"""Invalid settings said by variable name, one line each, for the CLI and the server alike."""

from __future__ import annotations

from pydantic import ValidationError

__all__ = ["invalid_settings_lines"]


def invalid_settings_lines(err: ValidationError) -> list[str]:
    """`TEXT2SQL_<LOC joined by __>: reason` for each invalid setting. Never the value: it may be a password."""
    lines = []
    for error in err.errors(include_input=False, include_url=False):
        variable = "TEXT2SQL_" + "__".join(str(part) for part in error["loc"]).upper()
        lines.append(f"{variable}: {error['msg']}")
    return lines
