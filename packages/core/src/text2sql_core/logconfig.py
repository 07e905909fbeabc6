"""Logging, configured once at startup from the settings, for all of the project's loggers.

Modules only call `logging.getLogger(__name__)` (names under `text2sql_core`, `text2sql_pipeline`,
`text2sql_agent`, and `text2sql.*` for the server's access and A2A logs); levels are never set at import time.
The CLI and the server call `configure_logging(settings)` once, before anything else logs."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the CLI configures logging before it builds (and pays for) the settings
    from text2sql_core.settings import UnifiedSettings

__all__ = ["NOISY_LOGGERS", "PROJECT_LOGGERS", "configure_logging"]

PROJECT_LOGGERS = ("text2sql", "text2sql_core", "text2sql_pipeline", "text2sql_agent")
# Third-party loggers that are chatty at INFO/WARNING about things we report ourselves.
# Milvus Lite's in-process gRPC server logs calls it does not implement as tracebacks; faiss reports trying
# CPU variants.
NOISY_LOGGERS = {"sqlglot": logging.ERROR, "milvus_lite": logging.CRITICAL, "grpc": logging.CRITICAL,
                 "grpc._server": logging.CRITICAL, "httpx": logging.WARNING, "pymilvus": logging.ERROR,
                 "faiss": logging.WARNING}
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_text2sql_handler"


def _level(name: str) -> int:
    level = logging.getLevelName(name.strip().upper())
    return level if isinstance(level, int) else logging.INFO


class _CurrentStderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever `sys.stderr` is when a record is emitted, like logging's own last-resort handler: a
    stream captured at configuration time may be replaced and closed later (a test runner's capture, a CLI
    runner's buffer), and writing to it would print "--- Logging error ---" with a traceback."""

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:  # StreamHandler.__init__ assigns it; the current one is always used
        pass


def configure_logging(settings: UnifiedSettings | str, stream: TextIO | None = None) -> int:
    """Set every project logger to `settings.log_level` (or the level named) and give the root logger one stderr
    handler (replaced, never added twice, on a second call). Records propagate to the root as usual, so other
    handlers (pytest's, uvicorn's) still see them. Returns the level applied."""
    level = _level(settings if isinstance(settings, str) else settings.log_level)
    handler = logging.StreamHandler(stream) if stream is not None else _CurrentStderrHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    setattr(handler, _MARK, True)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(old)
    root.addHandler(handler)
    # Other libraries speak at WARNING and above unless the project itself is asked to be quieter.
    root.setLevel(max(level, logging.WARNING))
    for name in PROJECT_LOGGERS:
        logging.getLogger(name).setLevel(level)
    for name, noisy_level in NOISY_LOGGERS.items():
        logging.getLogger(name).setLevel(max(noisy_level, level))
    return level
