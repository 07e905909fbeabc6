"""Logging is configured once, from the settings, for every project logger — and never adds a second handler."""

from __future__ import annotations

import io
import logging

import pytest

from text2sql_core.logconfig import PROJECT_LOGGERS, configure_logging
from text2sql_core.settings import UnifiedSettings


def test_the_level_from_settings_governs_every_project_logger() -> None:
    stream = io.StringIO()
    try:
        level = configure_logging(UnifiedSettings(_env_file=None, log_level="warning"), stream=stream)
        assert level == logging.WARNING
        for name in PROJECT_LOGGERS:
            assert logging.getLogger(name).getEffectiveLevel() == logging.WARNING
        logging.getLogger("text2sql_agent.nodes.guard").info("hidden")
        logging.getLogger("text2sql_pipeline.retrieval.hybrid").warning("shown once")
        logging.getLogger("text2sql.access").error("access line")
        assert "hidden" not in stream.getvalue()
        assert stream.getvalue().count("shown once") == 1 and "access line" in stream.getvalue()
        configure_logging(UnifiedSettings(_env_file=None, log_level="DEBUG"), stream=stream)  # again: replaced
        assert sum(getattr(h, "_text2sql_handler", False) for h in logging.getLogger().handlers) == 1
        logging.getLogger("text2sql_core.x").debug("debug now")
        assert stream.getvalue().count("debug now") == 1
        assert logging.getLogger("sqlglot").level >= logging.ERROR  # third-party noise stays quiet
    finally:
        _reset()


def test_without_a_stream_records_go_to_the_stderr_of_the_moment(monkeypatch: pytest.MonkeyPatch) -> None:
    # A CLI runner (or pytest) swaps sys.stderr and closes its buffer afterwards: a handler holding the first one
    # would print "--- Logging error ---" with a traceback on the next command.
    first, second = io.StringIO(), io.StringIO()
    try:
        monkeypatch.setattr("sys.stderr", first)
        configure_logging("WARNING")
        first.close()
        monkeypatch.setattr("sys.stderr", second)
        logging.getLogger("text2sql_core.x").warning("after the swap")
        assert "after the swap" in second.getvalue() and "Logging error" not in second.getvalue()
    finally:
        _reset()


def test_an_unknown_level_falls_back_to_info() -> None:
    try:
        assert configure_logging(UnifiedSettings(_env_file=None, log_level="chatty"), stream=io.StringIO()) == \
            logging.INFO
    finally:
        _reset()


def _reset() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_text2sql_handler", False)]:
        root.removeHandler(handler)
    root.setLevel(logging.WARNING)
    for name in PROJECT_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET)
