"""Small numbers as words, both languages; "one" is left alone."""

from __future__ import annotations

import re

from text2sql_core.numberwords import find_number_words, number_from_word, number_words, word_pattern


def test_words_for_numbers_in_english_and_korean() -> None:
    assert number_words(3) == ("three", "세", "셋")
    assert number_words(5.0) == ("five", "다섯")
    assert number_words(1) == () and number_words(21) == () and number_words("3") == () and number_words(True) == ()


def test_numbers_from_words() -> None:
    assert number_from_word("Five") == 5
    assert number_from_word("다섯") == 5
    assert number_from_word("one") is None and number_from_word("many") is None


def test_a_korean_numeral_stands_before_a_counter() -> None:
    assert re.search(word_pattern("세"), "직원이 세 명") and re.search(word_pattern("세"), "직원이 세명")
    assert not re.search(word_pattern("세"), "세금 내역") and not re.search(word_pattern("three"), "threefold")


def test_number_words_are_found_in_order() -> None:
    assert find_number_words("Two or more, at least 세 명, not the one") == [(0, "Two"), (22, "세")]
