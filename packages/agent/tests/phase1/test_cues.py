"""Structure cues on morphemes and words, one golden case per cue and language, with the lookalikes that must not
fire: 총무팀 is not a sum, 별점 not a grouping, 점수를 not a count, "sorted by" / "hired by 2020" not GROUP BY,
"가장 높은" and "가장 낮은" not the same direction."""

from __future__ import annotations

import pytest

from text2sql_agent.phase1.cues import cue_agreement, question_cues

CASES = [
    # (cue, Korean that asks for it, English that asks for it, lookalikes that must not)
    ("count", ["몇 명이에요?", "부서별 직원 수", "학생수", "총 몇 명이야", "주문 건수", "직급 기준 머릿수"],
     ["How many singers?", "the number of pets", "What is the total number of singers?", "Headcount per team"],
     ["점수를 알려줘", "볼 수 있는 영화", "몇 살이에요?", "Show the scores"]),
    ("group", ["부서별 직원 수", "지역마다 매출", "각 부서의 평균 급여", "주문당 평균 금액"],
     ["How many singers are from each country?", "Count employees by department", "average age per grade"],
     ["별점이 높은 영화", "List people sorted by age", "employees hired by 2020", "films directed by Steven Spielberg"]),
    ("sum", ["총 매출은 뭐야?", "매출 합계", "판매 금액 총합"], ["total sales", "sum of the prices"],
     ["총무팀 직원", "총 몇 명이야", "the total number of singers"]),
    ("avg", ["평균 급여", "나이 평균"], ["average age", "the mean salary"], ["평가 점수", "meaning of life"]),
    ("distinct", ["서로 다른 나라 수", "중복 없이 도시 목록", "국적은 몇 가지입니까?"],
     ["distinct countries", "how many different pets"], ["나라 목록"]),
    ("negation", ["반려동물이 없는 학생", "동물을 키우지 않는 학생", "취소 제외", "상을 받지 못한 직원"],
     ["students without pets", "who aren't in grade 9", "not from France"],
     ["반려동물이 있는 학생", "중복 없이 도시 목록", "가게위치 중복빼고"]),
    ("either", ["서울이거나 부산인 고객", "서울 또는 부산"], ["grade 9 or 10", "either cats or dogs"],
     ["6 or more students", "3명 이상"]),
    ("having", ["직원이 5명 이상인 부서", "한 명보다 많은 학생", "10편을 넘는", "3개 미만", "최소 두 개 가르치는",
                "노래가 1곡보다 많은 가수"],
     ["at least 4 students", "more than 2 pets", "6 or more"], ["평균보다 높은 급여", "부서별 직원 수"]),
    ("order", ["이름순으로 보여줘", "나이 많은 순으로", "급여 순서대로"], ["sorted by age", "in alphabetical order"],
     ["순이익", "직원 목록"]),
    ("limit", ["가장 비싼 상품", "상위 3개 제품", "직원 5명", "세 명의 직원"],
     ["the top 5 products", "the oldest singer", "the tallest player", "first 3 rows"],
     ["직원이 5명 이상인 부서", "몇 명", "first name", "interest rate", "at most 3 pets"]),
]


@pytest.mark.parametrize(("cue", "korean", "english", "lookalikes"), CASES, ids=[c[0] for c in CASES])
def test_cue_fires_in_both_languages_and_not_on_lookalikes(cue: str, korean: list[str], english: list[str],
                                                          lookalikes: list[str]) -> None:
    for question in [*korean, *english]:
        assert cue in question_cues(question), question
    for question in lookalikes:
        assert cue not in question_cues(question), question


@pytest.mark.parametrize(("question", "direction"), [
    ("연봉이 가장 높은 직원 5명", "desc"), ("가장 많은 주문", "desc"), ("가장 큰 도시", "desc"), ("제일 비싼 상품", "desc"),
    ("가장 최근에 입사한 직원", "desc"), ("누가 가장 많이 팔았어?", "desc"), ("나이 많은 순으로", "desc"), ("최근 주문 3건", "desc"),
    ("상위 5개", "desc"), ("내림차순으로", "desc"), ("경력 제일 긴 지휘자", "desc"), ("가장 자주 등장하는 도시", "desc"),
    ("가격의 최댓값", "desc"), ("이름 역순 정렬", "desc"), ("가격의 최솟값", "asc"),
    ("연봉이 가장 낮은 직원 5명", "asc"), ("가장 적은 주문", "asc"), ("가장 작은 도시", "asc"), ("가장 싼 상품", "asc"),
    ("가장 오래된 주문", "asc"), ("가장 적게 팔린 상품", "asc"), ("나이가 어린 순으로 3명", "asc"), ("오름차순으로", "asc"),
    ("the highest salary", "desc"), ("the most employees", "desc"), ("the largest city", "desc"),
    ("the latest order", "desc"), ("the lowest salary", "asc"), ("the fewest employees", "asc"),
    ("the smallest city", "asc"), ("the earliest order", "asc"),
])
def test_direction_is_bound_to_its_adjective(question: str, direction: str) -> None:
    other = "asc" if direction == "desc" else "desc"
    cues = question_cues(question)
    assert direction in cues and other not in cues, (question, cues)


@pytest.mark.parametrize("question", ["평균보다 높은 급여를 받는 직원", "급여가 높은 직원", "가장 오래 근무한", "최근 7일 매출",
                                      "at most 3 pets", "at least 2 friends", "과목을 최소 두 개 가르치는"])
def test_unbound_or_compared_words_set_no_direction(question: str) -> None:
    # 가장 오래 근무한 is bound (ASC: the earliest hire); the others compare or state a period.
    cues = question_cues(question)
    if question.startswith("가장"):
        assert cues & {"asc", "desc"} == {"asc"}
    else:
        assert not cues & {"asc", "desc"}, (question, cues)


def test_agreement_tells_asc_from_desc_templates() -> None:
    desc = "SELECT name FROM employees ORDER BY salary DESC LIMIT 5"
    asc = "SELECT name FROM employees ORDER BY salary ASC LIMIT 5"
    for question in ("연봉이 가장 높은 직원 5명", "the 5 employees with the highest salary"):
        assert cue_agreement(question, desc) > cue_agreement(question, asc), question
    for question in ("연봉이 가장 낮은 직원 5명", "the 5 employees with the lowest salary"):
        assert cue_agreement(question, asc) > cue_agreement(question, desc), question
    # An order with a stated direction keeps it; an order without one fits both.
    assert cue_agreement("나이 많은 순으로", "SELECT a FROM t ORDER BY age DESC") > \
        cue_agreement("나이 많은 순으로", "SELECT a FROM t ORDER BY age ASC")
    assert cue_agreement("이름순으로", "SELECT a FROM t ORDER BY name DESC") == \
        cue_agreement("이름순으로", "SELECT a FROM t ORDER BY name ASC")


def test_korean_and_english_twins_read_the_same_cues() -> None:
    twins = [("부서별 직원 수를 알려줘", "How many employees are in each department?"),
             ("직원이 5명 이상인 부서", "departments with at least 5 employees"),
             ("평균 급여", "average salary")]
    for korean, english in twins:
        assert question_cues(korean) - {"both"} == question_cues(english) - {"both"}, (korean, english)
