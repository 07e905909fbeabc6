"""The client-side deadline: it cancels only a call that outlives it, once, and never after the call ended."""

from __future__ import annotations

import threading
import time

from text2sql_core.connection import ConnectionSettings
from text2sql_core.db.watchdog import Watchdog, canceller


def test_a_fast_call_is_never_cancelled() -> None:
    cancelled = threading.Event()
    with Watchdog(0.2, cancelled.set) as dog:
        pass
    time.sleep(0.3)
    assert not dog.fired and not cancelled.is_set()


def test_a_slow_call_is_cancelled_once_and_the_cancel_finishes_inside_the_call() -> None:
    calls: list[float] = []

    def slow_cancel() -> None:
        time.sleep(0.2)  # e.g. opening a connection to send KILL QUERY
        calls.append(time.monotonic())

    started = time.monotonic()
    with Watchdog(0.05, slow_cancel) as dog:
        time.sleep(0.1)
    left = time.monotonic()
    assert dog.fired and len(calls) == 1 and calls[0] <= left  # joined: nothing fires after the call returns
    assert left - started < 1


def test_a_failing_cancel_is_reported_not_raised() -> None:
    def broken() -> None:
        raise ConnectionError("server gone")

    with Watchdog(0.01, broken) as dog:
        time.sleep(0.05)
    assert dog.fired


def test_only_servers_need_a_watchdog() -> None:
    settings = ConnectionSettings(url="sqlite:///x.db")
    assert canceller("sqlite", object(), settings) is None
    assert canceller("oracle", object(), settings) is None
