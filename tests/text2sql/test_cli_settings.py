"""Invalid TEXT2SQL_ settings reach the user of `text2sql` as one line per variable, never a traceback."""

from __future__ import annotations

import sys

import pytest

from text2sql.cli import main


def test_invalid_setting_is_one_line_naming_the_variable(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("TEXT2SQL_LLM__TEMPERATURE", "warm-and-s3cret")
    monkeypatch.setattr(sys, "argv", ["text2sql", "templates", "review"])
    with pytest.raises(SystemExit) as exited:
        main()
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert err.startswith("error [CONFIGURATION_ERROR] TEXT2SQL_LLM__TEMPERATURE: "), err
    assert "Traceback" not in err and "s3cret" not in err
    assert len(err.strip().splitlines()) == 1
