"""Korean and English relative dates, and absolute ones, as inclusive ranges."""

from datetime import date

import pytest

from text2sql_agent.filling.dates import find_date_ranges

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("오늘 주문", (date(2026, 11, 21), date(2026, 11, 21))),
        ("어제 가입한 고객", (date(2026, 11, 20), date(2026, 11, 20))),
        ("지난달 매출", (date(2026, 10, 1), date(2026, 10, 31))),
        ("이번 달 매출", (date(2026, 11, 1), date(2026, 11, 21))),
        ("최근 7일 주문", (date(2026, 11, 15), date(2026, 11, 21))),
        ("최근 3개월", (date(2026, 8, 1), date(2026, 11, 21))),
        ("올해 입사자", (date(2026, 1, 1), date(2026, 11, 21))),
        ("작년 매출", (date(2025, 1, 1), date(2025, 12, 31))),
        ("지난주 주문", (date(2026, 11, 9), date(2026, 11, 15))),
        ("2024년 3월 매출", (date(2024, 3, 1), date(2024, 3, 31))),
        ("2024년 3월 5일 주문", (date(2024, 3, 5), date(2024, 3, 5))),
        ("2025년 이후", (date(2025, 1, 1), date(2025, 12, 31))),
        ("orders since 2025-06-01", (date(2025, 6, 1), date(2025, 6, 1))),
        ("sales last month", (date(2026, 10, 1), date(2026, 10, 31))),
        ("signups in the last 14 days", (date(2026, 11, 8), date(2026, 11, 21))),
    ],
)
def test_ranges(text: str, expected: tuple[date, date]) -> None:
    assert find_date_ranges(text, TODAY)[0][1] == expected


def test_january_last_month_crosses_the_year() -> None:
    assert find_date_ranges("지난달", date(2026, 1, 10))[0][1] == (date(2025, 12, 1), date(2025, 12, 31))


def test_several_in_order_and_none() -> None:
    found = find_date_ranges("2024-01-01부터 2024-03-31까지", TODAY)
    assert [r[1][0] for r in found] == [date(2024, 1, 1), date(2024, 3, 31)]
    assert find_date_ranges("부서별 직원 수", TODAY) == []


def test_today_comes_from_the_one_clock() -> None:
    from text2sql_core.clock import pinned_today

    with pinned_today(date(2024, 3, 15)):
        assert find_date_ranges("지난달 매출") == [(0, (date(2024, 2, 1), date(2024, 2, 29)))]
    with pinned_today(date(2025, 1, 10)):
        assert find_date_ranges("지난달 매출") == [(0, (date(2024, 12, 1), date(2024, 12, 31)))]
