"""The typo index finds every key within its tolerance — checked against a brute-force scan — and nothing else."""

from __future__ import annotations

import random

from text2sql_pipeline.values.fuzzy import FuzzyIndex, levenshtein


def test_levenshtein_bounded() -> None:
    assert levenshtein("kitten", "sitting", 3) == 3
    assert levenshtein("kitten", "sitting", 1) == 2  # known to exceed the limit: limit + 1
    assert levenshtein("abc", "abc", 0) == 0
    assert levenshtein("", "ab", 2) == 2


def test_index_agrees_with_a_scan() -> None:
    rng = random.Random(7)
    alphabet = "abcdeㄱㄴㅏㅓ"
    keys = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(3, 11))) for _ in range(400)})
    index = FuzzyIndex()
    tolerance = {k: 2 if len(k) >= 8 else 1 if len(k) >= 4 else 0 for k in keys}
    for payload, k in enumerate(keys):
        index.add(k, tolerance[k], payload)
    for _ in range(300):
        base = rng.choice(keys)
        query = list(base)
        for _ in range(rng.randint(0, 3)):  # random edits: substitute, insert or delete
            position = rng.randrange(len(query) + 1)
            action = rng.choice("sid")
            if action == "s" and position < len(query):
                query[position] = rng.choice(alphabet)
            elif action == "i":
                query.insert(position, rng.choice(alphabet))
            elif query and position < len(query):
                del query[position]
        text = "".join(query)
        expected = {(p, levenshtein(text, k, 2)) for p, k in enumerate(keys)
                    if 0 < levenshtein(text, k, tolerance[k]) <= tolerance[k]}
        assert set(index.near(text)) == expected, text
