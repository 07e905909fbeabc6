"""Invalid settings: one line per variable, by its environment name, without the (maybe secret) value."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from text2sql_core.invalid_settings import invalid_settings_lines
from text2sql_core.settings import UnifiedSettings


def test_each_invalid_variable_is_named_and_its_value_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXT2SQL_LLM__TEMPERATURE", "hunter2-secret")
    monkeypatch.setenv("TEXT2SQL_SERVER__PORT", "not-a-port-s3cret")
    with pytest.raises(ValidationError) as caught:
        UnifiedSettings()
    lines = invalid_settings_lines(caught.value)
    assert len(lines) == 2
    assert {line.split(":")[0] for line in lines} == {"TEXT2SQL_LLM__TEMPERATURE", "TEXT2SQL_SERVER__PORT"}
    assert not any("secret" in line or "s3cret" in line for line in lines)
