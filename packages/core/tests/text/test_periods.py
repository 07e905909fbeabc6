"""Korean and English periods against pinned todays: every expression of the conventions, the boundaries of
weeks, months, quarters, halves and years, leap days, spacing and particles, and text that is not a period."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from text2sql_core import clock
from text2sql_core.text import OPEN_END, OPEN_START, Period, find_periods, first_period

NOV = "2026-11-22"  # a Sunday, the last day of its week
LEAP = "2028-02-29"  # a Tuesday, leap day
NEW_YEAR = "2027-01-03"  # a Sunday; this week began on 2026-12-28
JULY = "2026-07-01"  # the first day of the second half and of Q3
APRIL = "2026-04-01"  # the first day of Q2
MARCH_END = "2026-03-31"  # the last day of Q1, a 31st

OPEN = "open"

# (today, question, start, last day inside (inclusive), grain, the text of the period)
ROWS: list[tuple[str, str, str, str, str, str]] = [
    # Days
    (NOV, "오늘 주문", "2026-11-22", "2026-11-22", "day", "오늘"),
    (NOV, "금일 매출", "2026-11-22", "2026-11-22", "day", "금일"),
    (NOV, "어제 가입한 고객", "2026-11-21", "2026-11-21", "day", "어제"),
    (NOV, "그제 주문", "2026-11-20", "2026-11-20", "day", "그제"),
    (NOV, "그저께 주문", "2026-11-20", "2026-11-20", "day", "그저께"),
    (NEW_YEAR, "그제 주문", "2027-01-01", "2027-01-01", "day", "그제"),
    (LEAP, "내일 배송", "2028-03-01", "2028-03-01", "day", "내일"),
    (NOV, "sales today", "2026-11-22", "2026-11-22", "day", "today"),
    (NEW_YEAR, "orders yesterday", "2027-01-02", "2027-01-02", "day", "yesterday"),
    (LEAP, "the day before yesterday", "2028-02-27", "2028-02-27", "day", "the day before yesterday"),
    # Weeks: Monday to Sunday
    (NOV, "이번 주 매출", "2026-11-16", "2026-11-22", "week", "이번 주"),
    (NOV, "이번주 매출", "2026-11-16", "2026-11-22", "week", "이번주"),
    (NOV, "지난주 주문", "2026-11-09", "2026-11-15", "week", "지난주"),
    (NOV, "지난 주에 가입", "2026-11-09", "2026-11-15", "week", "지난 주"),
    (NOV, "저번 주 매출", "2026-11-09", "2026-11-15", "week", "저번 주"),
    (NOV, "다음 주 일정", "2026-11-23", "2026-11-29", "week", "다음 주"),
    (NOV, "금주 매출", "2026-11-16", "2026-11-22", "week", "금주"),
    (NEW_YEAR, "이번 주 매출", "2026-12-28", "2027-01-03", "week", "이번 주"),
    (NEW_YEAR, "지난주 매출", "2026-12-21", "2026-12-27", "week", "지난주"),
    (LEAP, "지난주 매출", "2028-02-21", "2028-02-27", "week", "지난주"),
    (NOV, "이번 주말 매출", "2026-11-21", "2026-11-22", "days", "이번 주말"),
    (NOV, "this week", "2026-11-16", "2026-11-22", "week", "this week"),
    (NEW_YEAR, "last week", "2026-12-21", "2026-12-27", "week", "last week"),
    (NOV, "next week", "2026-11-23", "2026-11-29", "week", "next week"),
    (NOV, "sales last weekend", "2026-11-14", "2026-11-15", "days", "last weekend"),
    # Months: the whole calendar month
    (NOV, "이번 달 매출", "2026-11-01", "2026-11-30", "month", "이번 달"),
    (NOV, "이번달 매출", "2026-11-01", "2026-11-30", "month", "이번달"),
    (NOV, "지난달 지역별 매출", "2026-10-01", "2026-10-31", "month", "지난달"),
    (NOV, "지난 달 매출", "2026-10-01", "2026-10-31", "month", "지난 달"),
    (NOV, "지난달에 입사한", "2026-10-01", "2026-10-31", "month", "지난달"),
    (NOV, "저번 달 매출", "2026-10-01", "2026-10-31", "month", "저번 달"),
    (NOV, "전월 대비 매출", "2026-10-01", "2026-10-31", "month", "전월"),
    (NOV, "다음 달 예정", "2026-12-01", "2026-12-31", "month", "다음 달"),
    (NOV, "익월 매출", "2026-12-01", "2026-12-31", "month", "익월"),
    (NOV, "당월 실적", "2026-11-01", "2026-11-30", "month", "당월"),
    (NEW_YEAR, "지난달 매출", "2026-12-01", "2026-12-31", "month", "지난달"),
    (LEAP, "이번 달 매출", "2028-02-01", "2028-02-29", "month", "이번 달"),
    (MARCH_END, "지난달 매출", "2026-02-01", "2026-02-28", "month", "지난달"),
    (NOV, "sales last month", "2026-10-01", "2026-10-31", "month", "last month"),
    (NOV, "this month", "2026-11-01", "2026-11-30", "month", "this month"),
    (NEW_YEAR, "previous month", "2026-12-01", "2026-12-31", "month", "previous month"),
    (NOV, "next month", "2026-12-01", "2026-12-31", "month", "next month"),
    # Quarters
    (NOV, "이번 분기 매출", "2026-10-01", "2026-12-31", "quarter", "이번 분기"),
    (NOV, "지난 분기 매출", "2026-07-01", "2026-09-30", "quarter", "지난 분기"),
    (NOV, "전분기 대비", "2026-07-01", "2026-09-30", "quarter", "전분기"),
    (NEW_YEAR, "지난 분기 매출", "2026-10-01", "2026-12-31", "quarter", "지난 분기"),
    (APRIL, "지난 분기 매출", "2026-01-01", "2026-03-31", "quarter", "지난 분기"),
    (MARCH_END, "이번 분기", "2026-01-01", "2026-03-31", "quarter", "이번 분기"),
    (NOV, "3분기 매출", "2026-07-01", "2026-09-30", "quarter", "3분기"),
    (JULY, "3분기 매출", "2026-07-01", "2026-09-30", "quarter", "3분기"),
    (JULY, "4분기 매출", "2025-10-01", "2025-12-31", "quarter", "4분기"),
    (NOV, "2025년 3분기", "2025-07-01", "2025-09-30", "quarter", "2025년 3분기"),
    (NOV, "25년 3분기", "2025-07-01", "2025-09-30", "quarter", "25년 3분기"),
    (NOV, "99년 3월 입사자", "1999-03-01", "1999-03-31", "month", "99년 3월"),
    (NOV, "작년 4분기 실적", "2025-10-01", "2025-12-31", "quarter", "작년 4분기"),
    (NOV, "1/4분기 매출", "2026-01-01", "2026-03-31", "quarter", "1/4분기"),
    (NOV, "Q3 2025 revenue", "2025-07-01", "2025-09-30", "quarter", "Q3 2025"),
    (NOV, "2025 Q3 revenue", "2025-07-01", "2025-09-30", "quarter", "2025 Q3"),
    (LEAP, "revenue in Q4", "2027-10-01", "2027-12-31", "quarter", "Q4"),
    (NOV, "this quarter", "2026-10-01", "2026-12-31", "quarter", "this quarter"),
    (APRIL, "last quarter", "2026-01-01", "2026-03-31", "quarter", "last quarter"),
    (NOV, "the third quarter of 2024", "2024-07-01", "2024-09-30", "quarter", "the third quarter of 2024"),
    # Halves
    (NOV, "상반기 매출", "2026-01-01", "2026-06-30", "half", "상반기"),
    (NOV, "하반기 매출", "2026-07-01", "2026-12-31", "half", "하반기"),
    (JULY, "상반기 매출", "2026-01-01", "2026-06-30", "half", "상반기"),
    (JULY, "하반기 매출", "2026-07-01", "2026-12-31", "half", "하반기"),
    (APRIL, "하반기 매출", "2025-07-01", "2025-12-31", "half", "하반기"),
    (NOV, "작년 상반기 매출", "2025-01-01", "2025-06-30", "half", "작년 상반기"),
    (NOV, "2025년 하반기", "2025-07-01", "2025-12-31", "half", "2025년 하반기"),
    (NOV, "the first half of 2025", "2025-01-01", "2025-06-30", "half", "the first half of 2025"),
    (NOV, "second half of last year", "2025-07-01", "2025-12-31", "half", "second half of last year"),
    (NOV, "H2 2025", "2025-07-01", "2025-12-31", "half", "H2 2025"),
    # Years: the whole calendar year
    (NOV, "올해 입사자", "2026-01-01", "2026-12-31", "year", "올해"),
    (NOV, "올해는 어때", "2026-01-01", "2026-12-31", "year", "올해"),
    (NOV, "올해안에 끝난 주문", "2026-01-01", "2026-12-31", "year", "올해"),
    (NOV, "2024년대비 매출", "2024-01-01", "2024-12-31", "year", "2024년"),
    (NOV, "올해부터 입사", "2026-01-01", OPEN, "days", "올해부터"),
    (NOV, "이번 달 들어 주문", "2026-11-01", "2026-11-22", "days", "이번 달 들어"),
    (NOV, "연초부터 지금까지", "2026-01-01", "2026-11-22", "days", "연초부터 지금까지"),
    (NOV, "금년 매출", "2026-01-01", "2026-12-31", "year", "금년"),
    (NOV, "작년 매출", "2025-01-01", "2025-12-31", "year", "작년"),
    (NOV, "지난해 매출", "2025-01-01", "2025-12-31", "year", "지난해"),
    (NOV, "전년 대비", "2025-01-01", "2025-12-31", "year", "전년"),
    (NOV, "전년도 실적", "2025-01-01", "2025-12-31", "year", "전년도"),
    (NOV, "재작년 매출", "2024-01-01", "2024-12-31", "year", "재작년"),
    (NEW_YEAR, "작년 매출", "2026-01-01", "2026-12-31", "year", "작년"),
    (NOV, "2026년 매출", "2026-01-01", "2026-12-31", "year", "2026년"),
    (NOV, "2025년도 예산", "2025-01-01", "2025-12-31", "year", "2025년도"),
    (NOV, "orders in 2024", "2024-01-01", "2024-12-31", "year", "2024"),
    (NOV, "FY2024 revenue", "2024-01-01", "2024-12-31", "year", "FY2024"),
    (NOV, "this year", "2026-01-01", "2026-12-31", "year", "this year"),
    (NEW_YEAR, "last year", "2026-01-01", "2026-12-31", "year", "last year"),
    # Months said by number or name
    (NOV, "2026년 9월 매출", "2026-09-01", "2026-09-30", "month", "2026년 9월"),
    (NOV, "2026년9월 매출", "2026-09-01", "2026-09-30", "month", "2026년9월"),
    (NOV, "9월 매출", "2026-09-01", "2026-09-30", "month", "9월"),
    (NOV, "9월의 매출", "2026-09-01", "2026-09-30", "month", "9월"),
    (NOV, "9월달 매출", "2026-09-01", "2026-09-30", "month", "9월달"),
    (NOV, "11월 매출", "2026-11-01", "2026-11-30", "month", "11월"),
    (NOV, "12월에 입사한", "2025-12-01", "2025-12-31", "month", "12월"),
    (NEW_YEAR, "12월 매출", "2026-12-01", "2026-12-31", "month", "12월"),
    (NEW_YEAR, "9월 매출", "2026-09-01", "2026-09-30", "month", "9월"),
    (LEAP, "2월 매출", "2028-02-01", "2028-02-29", "month", "2월"),
    (NOV, "올해 3월 매출", "2026-03-01", "2026-03-31", "month", "올해 3월"),
    (NOV, "작년 9월 매출", "2025-09-01", "2025-09-30", "month", "작년 9월"),
    (NOV, "재작년 12월", "2024-12-01", "2024-12-31", "month", "재작년 12월"),
    (NOV, "1~3월 매출", "2026-01-01", "2026-03-31", "month", "1~3월"),
    (NOV, "2025년 1~3월", "2025-01-01", "2025-03-31", "month", "2025년 1~3월"),
    (NOV, "revenue in September", "2026-09-01", "2026-09-30", "month", "September"),
    (NEW_YEAR, "revenue in September", "2026-09-01", "2026-09-30", "month", "September"),
    (NOV, "September 2025", "2025-09-01", "2025-09-30", "month", "September 2025"),
    (NOV, "Sep 2025 orders", "2025-09-01", "2025-09-30", "month", "Sep 2025"),
    (NOV, "Sept. 2025 orders", "2025-09-01", "2025-09-30", "month", "Sept. 2025"),
    (NOV, "Jan-Mar 2025", "2025-01-01", "2025-03-31", "month", "Jan-Mar 2025"),
    (NOV, "2025-03 매출", "2025-03-01", "2025-03-31", "month", "2025-03"),
    # Days said by date
    (NOV, "9월 3일 주문", "2026-09-03", "2026-09-03", "day", "9월 3일"),
    (NOV, "12월 3일 주문", "2025-12-03", "2025-12-03", "day", "12월 3일"),
    (NOV, "11월 22일 주문", "2026-11-22", "2026-11-22", "day", "11월 22일"),
    (NOV, "11월 23일 주문", "2025-11-23", "2025-11-23", "day", "11월 23일"),
    (NOV, "2024년 3월 5일 주문", "2024-03-05", "2024-03-05", "day", "2024년 3월 5일"),
    (NEW_YEAR, "2월 29일 매출", "2024-02-29", "2024-02-29", "day", "2월 29일"),
    (LEAP, "2월 29일 매출", "2028-02-29", "2028-02-29", "day", "2월 29일"),
    (NOV, "2025-03-05 주문", "2025-03-05", "2025-03-05", "day", "2025-03-05"),
    (NOV, "2025/03/05 주문", "2025-03-05", "2025-03-05", "day", "2025/03/05"),
    (NOV, "2025. 3. 5. 주문", "2025-03-05", "2025-03-05", "day", "2025. 3. 5."),
    (NOV, "Sep 3, 2025", "2025-09-03", "2025-09-03", "day", "Sep 3, 2025"),
    (NOV, "on 3 September 2025", "2025-09-03", "2025-09-03", "day", "3 September 2025"),
    # Rolling windows: N units ending today, today included
    (NOV, "최근 7일 주문", "2026-11-16", "2026-11-22", "days", "최근 7일"),
    (NOV, "최근 3개월 매출", "2026-08-23", "2026-11-22", "days", "최근 3개월"),
    (NOV, "지난 3개월 매출", "2026-08-23", "2026-11-22", "days", "지난 3개월"),
    (NOV, "최근 3개월간 매출", "2026-08-23", "2026-11-22", "days", "최근 3개월간"),
    (NOV, "최근 2주 주문", "2026-11-09", "2026-11-22", "days", "최근 2주"),
    (NOV, "2주간 주문", "2026-11-09", "2026-11-22", "days", "2주간"),
    (NOV, "지난 1년 동안", "2025-11-23", "2026-11-22", "days", "지난 1년 동안"),
    (NEW_YEAR, "최근 7일", "2026-12-28", "2027-01-03", "days", "최근 7일"),
    (LEAP, "최근 1년", "2027-03-01", "2028-02-29", "days", "최근 1년"),
    (MARCH_END, "최근 1개월", "2026-03-01", "2026-03-31", "days", "최근 1개월"),
    (NOV, "최근 세 달", "2026-08-23", "2026-11-22", "days", "최근 세 달"),
    (NOV, "최근 삼 개월", "2026-08-23", "2026-11-22", "days", "최근 삼 개월"),
    (NOV, "최근 두 주", "2026-11-09", "2026-11-22", "days", "최근 두 주"),
    (NOV, "최근 열흘", "2026-11-13", "2026-11-22", "days", "최근 열흘"),
    (NOV, "최근 보름", "2026-11-08", "2026-11-22", "days", "최근 보름"),
    (NOV, "최근 일주일", "2026-11-16", "2026-11-22", "days", "최근 일주일"),
    (NOV, "최근 한 달", "2026-10-23", "2026-11-22", "days", "최근 한 달"),
    (NOV, "최근 석 달", "2026-08-23", "2026-11-22", "days", "최근 석 달"),
    (NOV, "최근 2년 매출", "2024-11-23", "2026-11-22", "days", "최근 2년"),
    (NOV, "최근 4주", "2026-10-26", "2026-11-22", "days", "최근 4주"),
    (NOV, "지난 한 해 동안", "2025-11-23", "2026-11-22", "days", "지난 한 해 동안"),
    (NOV, "최근 12개월 월별 매출", "2025-11-23", "2026-11-22", "days", "최근 12개월"),
    (NOV, "past 7 days", "2026-11-16", "2026-11-22", "days", "past 7 days"),
    (NOV, "signups in the last 14 days", "2026-11-09", "2026-11-22", "days", "last 14 days"),
    (NOV, "over the past three months", "2026-08-23", "2026-11-22", "days", "past three months"),
    (NOV, "the past week", "2026-11-16", "2026-11-22", "days", "past week"),
    # N units ago: one unit
    (NOV, "3일 전 주문", "2026-11-19", "2026-11-19", "day", "3일 전"),
    (NOV, "이틀 전에 주문", "2026-11-20", "2026-11-20", "day", "이틀 전"),
    (NOV, "2주 전 주문", "2026-11-02", "2026-11-08", "week", "2주 전"),
    (NOV, "일주일 전", "2026-11-09", "2026-11-15", "week", "일주일 전"),
    (NOV, "3개월 전 매출", "2026-08-01", "2026-08-31", "month", "3개월 전"),
    (NOV, "한 달 전 매출", "2026-10-01", "2026-10-31", "month", "한 달 전"),
    (NOV, "삼 개월 전", "2026-08-01", "2026-08-31", "month", "삼 개월 전"),
    (NEW_YEAR, "1개월 전", "2026-12-01", "2026-12-31", "month", "1개월 전"),
    (LEAP, "1년 전 매출", "2027-02-28", "2027-02-28", "day", "1년 전"),
    (LEAP, "작년 오늘 매출", "2027-02-28", "2027-02-28", "day", "작년 오늘"),
    (NOV, "3 months ago", "2026-08-01", "2026-08-31", "month", "3 months ago"),
    (NOV, "a week ago", "2026-11-09", "2026-11-15", "week", "a week ago"),
    (LEAP, "a year ago", "2027-02-28", "2027-02-28", "day", "a year ago"),
    # To date
    (NOV, "YTD sales", "2026-01-01", "2026-11-22", "days", "YTD"),
    (NOV, "year to date revenue", "2026-01-01", "2026-11-22", "days", "year to date"),
    (NOV, "올해 들어 매출", "2026-01-01", "2026-11-22", "days", "올해 들어"),
    (NOV, "MTD orders", "2026-11-01", "2026-11-22", "days", "MTD"),
    # Ranges
    (NOV, "2025-01-01부터 2025-03-31까지", "2025-01-01", "2025-03-31", "days", "2025-01-01부터 2025-03-31까지"),
    (NOV, "2025-01-01 ~ 2025-03-31 주문", "2025-01-01", "2025-03-31", "days", "2025-01-01 ~ 2025-03-31"),
    (NOV, "2025-01-01–2025-03-31", "2025-01-01", "2025-03-31", "days", "2025-01-01–2025-03-31"),
    (NOV, "2025-01-01에서 2025-03-31 사이", "2025-01-01", "2025-03-31", "days", "2025-01-01에서 2025-03-31 사이"),
    (NOV, "3월부터 5월까지", "2026-03-01", "2026-05-31", "month", "3월부터 5월까지"),
    (NOV, "2025년 11월부터 2월까지", "2025-11-01", "2026-02-28", "month", "2025년 11월부터 2월까지"),
    (NOV, "11월부터 2025년 2월까지", "2024-11-01", "2025-02-28", "month", "11월부터 2025년 2월까지"),
    (NOV, "지난달과 이번 달 사이", "2026-10-01", "2026-11-30", "month", "지난달과 이번 달 사이"),
    (NOV, "between 2025-01-01 and 2025-03-31", "2025-01-01", "2025-03-31", "days",
     "between 2025-01-01 and 2025-03-31"),
    (NOV, "from Jan to Mar 2025", "2025-01-01", "2025-03-31", "month", "from Jan to Mar 2025"),
    (NOV, "from March to May", "2026-03-01", "2026-05-31", "month", "from March to May"),
    (NOV, "Q1 through Q3", "2026-01-01", "2026-09-30", "quarter", "Q1 through Q3"),
    (NOV, "from 2024 to 2025", "2024-01-01", "2025-12-31", "year", "from 2024 to 2025"),
    (NOV, "3월 1일부터 3월 31일까지", "2026-03-01", "2026-03-31", "days", "3월 1일부터 3월 31일까지"),
    (NOV, "2024년 3월부터 6월까지", "2024-03-01", "2024-06-30", "month", "2024년 3월부터 6월까지"),
    (NOV, "2025년 1월 1일부터 3월 31일까지", "2025-01-01", "2025-03-31", "days", "2025년 1월 1일부터 3월 31일까지"),
    (NOV, "지난달부터 12월까지", "2026-10-01", "2026-12-31", "month", "지난달부터 12월까지"),
    # Open periods
    (NOV, "3월부터 입사한", "2026-03-01", OPEN, "days", "3월부터"),
    (NOV, "2025년 이후 입사자", "2025-01-01", OPEN, "days", "2025년 이후"),
    (NOV, "5월까지 매출", OPEN, "2026-05-31", "days", "5월까지"),
    (NOV, "2025-03-31까지 가입", OPEN, "2025-03-31", "days", "2025-03-31까지"),
    (NOV, "3월부터 지금까지", "2026-03-01", "2026-11-22", "days", "3월부터 지금까지"),
    (NOV, "since March", "2026-03-01", OPEN, "days", "since March"),
    (NOV, "until May", OPEN, "2026-05-31", "days", "until May"),
    (NOV, "2009년 전에 개관한 박물관", OPEN, "2008-12-31", "days", "2009년 전"),
    (NOV, "2003년 후 창단", "2004-01-01", OPEN, "days", "2003년 후"),
    (NOV, "2014년 이후로 열린 콘서트", "2014-01-01", OPEN, "days", "2014년 이후"),
    (NOV, "2009년 이전 개관", OPEN, "2009-12-31", "days", "2009년 이전"),
    (NOV, "2024년 전체 매출", "2024-01-01", "2024-12-31", "year", "2024년"),
    (NOV, "founded after the year 2008", "2009-01-01", OPEN, "days", "after the year 2008"),
    (NOV, "after 2024", "2025-01-01", OPEN, "days", "after 2024"),
    (NOV, "concerts in year 2014 or after", "2014-01-01", OPEN, "days", "year 2014 or after"),
    (NOV, "cars made in 1980 or earlier", OPEN, "1980-12-31", "days", "1980 or earlier"),
    (NOV, "before 2025", OPEN, "2024-12-31", "days", "before 2025"),
]


def _day(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(("today", "question", "start", "last", "grain", "text"), ROWS,
                         ids=[f"{row[0]}:{row[1]}" for row in ROWS])
def test_period(today: str, question: str, start: str, last: str, grain: str, text: str) -> None:
    periods = find_periods(question, _day(today))
    assert len(periods) == 1, periods
    period = periods[0]
    assert period.start == (OPEN_START if start == OPEN else _day(start))
    assert period.end == (OPEN_END if last == OPEN else _day(last) + (_day("2000-01-02") - _day("2000-01-01")))
    assert (period.open_start, period.open_end) == (start == OPEN, last == OPEN)
    assert period.grain == grain
    assert period.text == text
    assert question[period.span[0]:period.span[1]] == text


NOT_PERIODS = [
    "부서별 직원 수", "3명 이상", "2층 사무실", "상위 5개 제품", "9호선 역", "year_of_birth of employees",
    "sales_ytd by region", "top 5 customers", "May I see the employees", "2024년생 직원", "10년차 직원",
    "2024년식 차량", "1990년대 영화", "근속 3년 이상", "9월호 잡지", "3월드컵 경기", "전월세 계약", "월급 300 이상",
    "오늘날의 경제", "지난 주문 내역", "지난 해외 출장", "이번 주소 변경", "달러 환율", "세일 전 가격", "엔진 오일 전 교체",
    "이 주간 보고서", "전주 지점 매출", "3일", "안내일정", "그제서야 알았다", "최근 주문", "지난 3개월차", "최근 0일",
    "2025년 2월 30일", "2027년 2월 29일", "March the troops", "employees with salary above 2024",
    "salary between 1000 and 2000", "salary between 2000 and 2500", "from 2000 to 2500 dollars",
]


@pytest.mark.parametrize("question", NOT_PERIODS)
def test_not_a_period(question: str) -> None:
    assert find_periods(question, _day(NOV)) == []


BASES = ["오늘", "그저께", "이번 주", "지난주", "이번달", "지난 달", "전월", "지난 분기", "3분기", "작년 하반기", "올해", "작년",
         "지난해", "2026년 9월", "9월", "9월 3일", "최근 7일", "지난 3개월", "3일 전", "3개월 전", "최근 세 달", "2025-01-01",
         "이번 주말", "작년 오늘", "1~3월"]
PARTICLES = ["에", "엔", "의", "는", "은", "만", "보다", "대비", "랑", "와", "과", "중", "에는", "치", "이랑", "하고", "로", "처럼"]


@pytest.mark.parametrize("base", BASES)
def test_attached_particles_leave_the_period_as_it_is(base: str) -> None:
    [alone] = find_periods(base, _day(NOV))
    for particle in PARTICLES:
        periods = find_periods(f"{base}{particle} 매출", _day(NOV))
        assert [(p.start, p.end, p.text) for p in periods] == [(alone.start, alone.end, base)], particle


def test_several_periods_in_order_of_appearance() -> None:
    periods = find_periods("지난달 대비 이번 달 매출, 작년 상반기와 비교", _day(NOV))
    assert [p.text for p in periods] == ["지난달", "이번 달", "작년 상반기"]
    assert [p.span[0] for p in periods] == sorted(p.span[0] for p in periods)
    english = find_periods("compare Q1 to Q2 and last month", _day(NOV))
    assert [(p.text, p.grain) for p in english] == [("Q1", "quarter"), ("Q2", "quarter"),
                                                     ("last month", "month")]


def test_years_joined_by_or_and_both() -> None:
    for question in ("concerts in year 2014 or 2015", "stadiums with concerts in both 2014 and 2015",
                     "2014년이나 2015년에 열린 콘서트", "birth year is either 2014 or 2015"):
        periods = find_periods(question, _day(NOV))
        assert [(p.start.year, p.grain) for p in periods] == [(2014, "year"), (2015, "year")], question


def test_longest_match_wins() -> None:
    assert [p.text for p in find_periods("작년 상반기", _day(NOV))] == ["작년 상반기"]
    assert [p.text for p in find_periods("2026년 9월 3일", _day(NOV))] == ["2026년 9월 3일"]
    assert [p.text for p in find_periods("the first half of last year", _day(NOV))] == ["the first half of last year"]


def test_to_without_from_is_a_comparison_not_a_range() -> None:
    periods = find_periods("March 2025 to May 2025", _day(NOV))
    assert [(p.text, p.grain) for p in periods] == [("March 2025", "month"), ("May 2025", "month")]


def test_from_alone_is_not_since_in_english() -> None:
    period = first_period("orders from last month", _day(NOV))
    assert period is not None and (period.text, period.open_end) == ("last month", False)


def test_today_comes_from_the_clock() -> None:
    with clock.pinned_today(_day(NEW_YEAR)):
        period = first_period("지난달 매출")
    assert period is not None and (period.start, period.end) == (date(2026, 12, 1), date(2027, 1, 1))


def test_end_is_exclusive_and_inclusive_end_is_the_last_day() -> None:
    period = first_period("지난달", _day(LEAP))
    assert period == Period(date(2028, 1, 1), date(2028, 2, 1), "month", (0, 3), "지난달")
    assert period.inclusive_end == date(2028, 1, 31) and period.days == 31
    assert date(2028, 1, 31) in period and date(2028, 2, 1) not in period


def test_clipped_cuts_the_current_unit_at_today() -> None:
    period = first_period("이번 달", _day(NOV))
    assert period is not None
    clipped = period.clipped(_day(NOV))
    assert (clipped.start, clipped.inclusive_end) == (date(2026, 11, 1), date(2026, 11, 22))
    assert period.clipped(date(2026, 12, 31)) == period


def test_as_dict_is_json_ready() -> None:
    period = first_period("3월부터", _day(NOV))
    assert period is not None
    assert period.as_dict() == {"start": "2026-03-01", "end": "9999-12-31", "inclusive_end": "9999-12-30",
                                "grain": "days", "span": [0, 4], "text": "3월부터", "open_start": False,
                                "open_end": True}


def test_empty_and_no_date_text() -> None:
    assert find_periods("", _day(NOV)) == []
    assert first_period("부서별 직원 수", _day(NOV)) is None


def test_calendar_invariants_hold_on_every_day_of_two_years() -> None:
    """Every day from 2027-01-01 through 2028-12-31 (a leap year included): the units hold today, the previous unit
    ends where the current one starts, rolling windows end today, a month without a year is the latest begun."""
    day = date(2027, 1, 1)
    while day <= date(2028, 12, 31):
        def one(question: str, today: date = day) -> Period:
            periods = find_periods(question, today)
            assert len(periods) == 1, (question, today, periods)
            return periods[0]

        for current, previous in (("이번 주", "지난주"), ("이번 달", "지난달"), ("이번 분기", "지난 분기"),
                                  ("올해", "작년"), ("this week", "last week"), ("this month", "last month")):
            now, before = one(current), one(previous)
            assert day in now and before.end == now.start and before.start < before.end, (day, current)
        assert one("이번 주").start.weekday() == 0 and one("이번 주").days == 7
        assert one("다음 달").start == one("이번 달").end
        window = one("최근 7일")
        assert window.days == 7 and window.inclusive_end == day
        month = one(f"{day.month % 12 + 1}월")  # next month's number: always last year's (or this January's)
        assert month.start <= day and month.start.replace(year=month.start.year + 1) > day
        assert one("어제").end == one("오늘").start == day
        day = date.fromordinal(day.toordinal() + 1)


def test_a_datetime_today_is_read_as_its_date() -> None:
    period = first_period("지난달", datetime(2027, 1, 3, 23, 59))
    assert period is not None and (period.start, period.end) == (date(2026, 12, 1), date(2027, 1, 1))
