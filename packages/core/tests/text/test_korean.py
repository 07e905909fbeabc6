"""The one Kiwi analyser: spans into the text, particles stripped, one instance across threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from text2sql_core.text import korean
from text2sql_core.text.korean import analyse, has_hangul, kiwi, strip_particles


def test_morphemes_carry_base_form_tag_and_span_into_the_text() -> None:
    text = "부서별 직원 수를 알려줘"
    morphemes = analyse(text)
    assert [(m.form, m.tag) for m in morphemes[:5]] == [
        ("부서", "NNG"), ("별", "XSN"), ("직원", "NNG"), ("수", "NNG"), ("를", "JKO")]
    assert [text[m.start:m.end] for m in morphemes[:4]] == ["부서", "별", "직원", "수"]
    assert morphemes[0].len == 2
    assert analyse("") == () and analyse("   ") == ()


def test_strip_particles_keeps_the_word_and_drops_what_trails_it() -> None:
    assert strip_particles("서울에서") == "서울"
    assert strip_particles("부산에") == "부산"
    assert strip_particles("영업팀의") == "영업팀"
    assert strip_particles("서울") == "서울"
    assert strip_particles("Seoul") == "Seoul"
    # A word that is all grammar comes back as it was rather than empty.
    assert strip_particles("에서") == "에서"


def test_hangul_detection_is_one_rule() -> None:
    assert has_hangul("직원 목록") and has_hangul("ㅋㅋ") and has_hangul("top 5 직원")
    assert not has_hangul("How many employees?") and not has_hangul("") and not has_hangul("日本")


def test_one_analyser_per_process_even_when_threads_race() -> None:
    korean._kiwi = None  # the first callers race to build it
    with ThreadPoolExecutor(max_workers=4) as pool:
        instances = list(pool.map(lambda _: kiwi(), range(8)))
    assert len({id(i) for i in instances}) == 1
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda t: analyse.__wrapped__(t), ["서울에 사는 고객"] * 8))
    assert len(set(results)) == 1
