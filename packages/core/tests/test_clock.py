"""The one clock: pins per context and per process, the TEXT2SQL_TODAY override, and the system clock otherwise."""

from __future__ import annotations

import asyncio
import threading
from contextvars import copy_context
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from text2sql_core import clock
from text2sql_core.errors import ConfigurationError


@pytest.fixture
def today():
    """The fixture other tests can copy: today pinned for the test, restored after."""
    with clock.pinned_today("2026-11-22") as pinned:
        yield pinned


def test_unpinned_clock_is_the_system_clock() -> None:
    before = date.today()
    assert clock.today() in {before, date.today()}  # the test may straddle midnight
    moment = clock.now()
    assert moment.tzinfo is not None and abs(moment - datetime.now(UTC)) < timedelta(seconds=5)


def test_fixture_pins_today(today: date) -> None:
    assert today == date(2026, 11, 22) == clock.today()


def test_pin_is_restored_and_nests() -> None:
    real = clock.today()
    with clock.pinned_today(date(2028, 2, 29)):
        assert clock.today() == date(2028, 2, 29)
        with clock.pinned_today("2027-01-03"):
            assert clock.today() == date(2027, 1, 3)
        assert clock.today() == date(2028, 2, 29)
    assert clock.today() == real


def test_pinned_date_keeps_the_time_of_day() -> None:
    with clock.pinned_today(date(2026, 11, 22)):
        moment = clock.now()
        real = datetime.now(UTC)
    assert moment.date() == date(2026, 11, 22)
    assert abs(moment.replace(year=real.year, month=real.month, day=real.day) - real) < timedelta(seconds=5)


def test_pinned_moment_is_frozen_and_converted() -> None:
    seoul = timezone(timedelta(hours=9))
    with clock.pinned_now(datetime(2026, 11, 22, 20, 30, tzinfo=UTC)):
        assert clock.now() == clock.now() == datetime(2026, 11, 22, 20, 30, tzinfo=UTC)
        assert clock.now(seoul).hour == 5 and clock.now(seoul).day == 23
        assert clock.today() == date(2026, 11, 22)
        assert clock.today(seoul) == date(2026, 11, 23)  # already the 23rd in Seoul


def test_naive_pinned_moment_is_read_in_the_zone_asked() -> None:
    with clock.pinned_now("2026-11-22T09:00:00"):
        assert clock.now() == datetime(2026, 11, 22, 9, tzinfo=UTC)


def test_context_pin_is_invisible_to_other_threads() -> None:
    seen: list[date] = []
    with clock.pinned_today(date(2000, 1, 1)):
        thread = threading.Thread(target=lambda: seen.append(clock.today()))
        thread.start()
        thread.join()
        copied: list[date] = []
        copy_context().run(lambda: copied.append(clock.today()))  # a pool that copies context sees the pin
    assert seen and seen[0] != date(2000, 1, 1)
    assert copied == [date(2000, 1, 1)]


def test_process_wide_pin_is_seen_by_every_thread_and_removed() -> None:
    seen: list[date] = []
    with clock.pinned_today(date(2000, 1, 1), process_wide=True):
        thread = threading.Thread(target=lambda: seen.append(clock.today()))
        thread.start()
        thread.join()
        with clock.pinned_today(date(2010, 5, 5)):  # a context pin still wins inside its block
            assert clock.today() == date(2010, 5, 5)
    assert seen == [date(2000, 1, 1)]
    assert clock.today() != date(2000, 1, 1)


def test_parallel_pins_do_not_leak_between_threads() -> None:
    errors: list[str] = []
    barrier = threading.Barrier(4)

    def worker(day: date) -> None:
        with clock.pinned_today(day):
            barrier.wait()
            for _ in range(200):
                if clock.today() != day:
                    errors.append(f"{day} saw {clock.today()}")
            barrier.wait()

    threads = [threading.Thread(target=worker, args=(date(2020 + i, 1, 1),)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


async def test_asyncio_tasks_keep_their_own_pins() -> None:
    async def read(day: date) -> date:
        with clock.pinned_today(day):
            await asyncio.sleep(0.01)
            return clock.today()

    days = [date(2026, 1, 1), date(2027, 6, 15), date(2028, 2, 29)]
    assert await asyncio.gather(*(read(d) for d in days)) == days


def test_environment_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.ENV_TODAY, "2027-01-03")
    assert clock.today() == date(2027, 1, 3)
    assert clock.now().date() == date(2027, 1, 3)
    with clock.pinned_today(date(2028, 2, 29)):  # a test's pin beats the environment
        assert clock.today() == date(2028, 2, 29)


def test_invalid_environment_value_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.ENV_TODAY, "22/11/2026")
    with pytest.raises(ConfigurationError) as caught:
        clock.today()
    assert caught.value.code == "CLOCK_TODAY_INVALID"
    assert "YYYY-MM-DD" in caught.value.message and "TEXT2SQL_TODAY" in caught.value.message


def test_invalid_pin_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError) as caught, clock.pinned_today("next tuesday"):
        pass
    assert caught.value.code == "CLOCK_PIN_INVALID"


def test_shared_fixture_pins_the_demo_day_and_the_models_use_the_clock(pinned_today: date) -> None:
    from text2sql_core.models import SQLTemplateInDB

    assert pinned_today == clock.today() == date(2026, 11, 22)
    stamp = SQLTemplateInDB.model_fields["created_at"].default_factory()  # type: ignore[misc]
    assert stamp.date() == date(2026, 11, 22) and stamp.tzinfo is not None
