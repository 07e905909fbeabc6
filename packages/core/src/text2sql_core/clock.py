"""The one clock: every "today" and "now" in text2sql comes from here, so tests and evaluations can pin it.

Resolution order, first that applies:

1. a pin made with `pinned_today(...)` / `pinned_now(...)` in the current context (a `ContextVar`: threads and
   asyncio tasks each see their own, so parallel tests never see each other's pins);
2. a process-wide pin (`pinned_today(..., process_wide=True)`), for code that runs in threads the test did not start
   (a server in a background thread, a thread pool that does not copy context);
3. the environment variable `TEXT2SQL_TODAY=YYYY-MM-DD`, for reproducible CLI and evaluation runs
   (`TEXT2SQL_TODAY=2026-11-22 uv run text2sql ask "지난달 매출"`);
4. the system clock.

A pinned *date* moves the calendar only: `now()` keeps the real time of day on that date (timestamps written during
a pinned run still order correctly). A pinned *datetime* freezes `now()` exactly. `today()` is the local date of the
process (set `TZ`, e.g. `TZ=Asia/Seoul`, where the server's zone is not the users'); `now()` is timezone-aware, UTC
unless a zone is given. Nothing here patches `datetime`: code must call `today()` / `now()`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime, tzinfo

from text2sql_core.errors import ConfigurationError

__all__ = ["ENV_TODAY", "now", "pinned_now", "pinned_today", "today"]

ENV_TODAY = "TEXT2SQL_TODAY"

_Pin = date | datetime  # a datetime is also a date: check for datetime first
_context_pin: ContextVar[_Pin | None] = ContextVar("text2sql_clock_pin", default=None)
_process_pins: list[_Pin] = []  # a stack, so nested process-wide pins restore in order
_process_lock = threading.Lock()


def _env_pin() -> date | None:
    raw = os.environ.get(ENV_TODAY, "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ConfigurationError(
            f"{ENV_TODAY}={raw!r} is not a date. Write it as YYYY-MM-DD (e.g. {ENV_TODAY}=2026-11-22) or unset it. "
            f"/ {ENV_TODAY} 값이 날짜가 아닙니다. YYYY-MM-DD 형식으로 쓰거나 지우세요.",
            code="CLOCK_TODAY_INVALID",
            context={"variable": ENV_TODAY, "value": raw},
        ) from None


def _current_pin() -> _Pin | None:
    pin = _context_pin.get()
    if pin is not None:
        return pin
    with _process_lock:
        if _process_pins:
            return _process_pins[-1]
    return _env_pin()


def today(tz: tzinfo | None = None) -> date:
    """Today's date: pinned, else from `TEXT2SQL_TODAY`, else the system's (in `tz` when given, else local)."""
    pin = _current_pin()
    if isinstance(pin, datetime):
        return pin.astimezone(tz).date() if tz is not None and pin.tzinfo is not None else pin.date()
    if pin is not None:
        return pin
    return datetime.now(tz).date() if tz is not None else date.today()


def now(tz: tzinfo | None = None) -> datetime:
    """The current moment, timezone-aware (UTC unless `tz`); on a pinned date, that date at the real time of day."""
    zone = tz or UTC
    pin = _current_pin()
    if isinstance(pin, datetime):
        frozen = pin if pin.tzinfo is not None else pin.replace(tzinfo=zone)
        return frozen.astimezone(zone)
    real = datetime.now(zone)
    if pin is None:
        return real
    return real.replace(year=pin.year, month=pin.month, day=pin.day)


def _as_pin(value: _Pin | str) -> _Pin:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value) if "T" in value or " " in value.strip() else date.fromisoformat(value)
        except ValueError:
            raise ConfigurationError(
                f"Cannot pin the clock to {value!r}: write a date as YYYY-MM-DD or a moment as ISO 8601. "
                f"/ 시계를 {value!r}(으)로 고정할 수 없습니다: 날짜는 YYYY-MM-DD로 쓰세요.",
                code="CLOCK_PIN_INVALID",
                context={"value": value},
            ) from None
    return value


@contextmanager
def _pinned(pin: _Pin, process_wide: bool) -> Iterator[_Pin]:
    if not process_wide:
        token = _context_pin.set(pin)
        try:
            yield pin
        finally:
            _context_pin.reset(token)
        return
    with _process_lock:
        _process_pins.append(pin)
    try:
        yield pin
    finally:
        with _process_lock:  # pins made in other threads may end in any order: remove this one, by identity
            index = max(i for i, held in enumerate(_process_pins) if held is pin)
            del _process_pins[index]


def pinned_today(day: date | str, *, process_wide: bool = False) -> AbstractContextManager[date]:
    """`with pinned_today(date(2026, 11, 22)):` — `today()` says that date inside the block.

    In pytest: `@pytest.fixture def today(): with pinned_today("2026-11-22") as d: yield d`."""
    pin = _as_pin(day)
    return _pinned(pin.date() if isinstance(pin, datetime) else pin, process_wide)  # type: ignore[return-value]


def pinned_now(moment: datetime | str, *, process_wide: bool = False) -> AbstractContextManager[datetime]:
    """`with pinned_now(datetime(2026, 11, 22, 9, 30, tzinfo=UTC)):` — `now()` is frozen at that moment."""
    pin = _as_pin(moment)
    if not isinstance(pin, datetime):
        pin = datetime(pin.year, pin.month, pin.day)
    return _pinned(pin, process_wide)  # type: ignore[return-value]

