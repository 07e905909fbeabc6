"""Near-exact lookup for typos: which stored keys lie within a small edit distance of a key, fast at 50,000 keys.

Pigeonhole filter: a key allowed d edits is cut into d + 1 pieces; any string within d edits of it contains one
piece unchanged, shifted by at most d. Each piece is indexed under (key length, edits, piece number, piece text), so a
query key tries a few dozen dictionary lookups and checks only the keys that share a piece — never a scan."""

from __future__ import annotations

from collections import defaultdict

__all__ = ["FuzzyIndex", "levenshtein"]


def levenshtein(a: str, b: str, limit: int) -> int:
    """Edit distance of `a` and `b`, or `limit + 1` as soon as it is known to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _pieces(length: int, edits: int) -> list[tuple[int, int]]:
    """(offset, size) of the `edits + 1` pieces a key of `length` is cut into."""
    count = edits + 1
    bounds = [length * i // count for i in range(count + 1)]
    return [(bounds[i], bounds[i + 1] - bounds[i]) for i in range(count)]


class FuzzyIndex:
    """Keys, each with the number of edits it tolerates (0 = none) and a payload id."""

    def __init__(self) -> None:
        self._pieces: dict[tuple[int, int, int, str], list[int]] = defaultdict(list)
        self._keys: list[tuple[str, int, int]] = []  # (key, edits, payload)
        self._lengths: set[int] = set()

    def add(self, key: str, edits: int, payload: int) -> None:
        if edits <= 0 or len(key) <= edits:
            return
        slot = len(self._keys)
        self._keys.append((key, edits, payload))
        self._lengths.add(len(key))
        for number, (offset, size) in enumerate(_pieces(len(key), edits)):
            self._pieces[(len(key), edits, number, key[offset : offset + size])].append(slot)

    def __len__(self) -> int:
        return len(self._keys)

    def near(self, query: str, max_edits: int = 2) -> list[tuple[int, int]]:
        """(payload, edits) of every key within its own tolerance of `query`, closest first; exact keys excluded."""
        seen: set[int] = set()
        found: list[tuple[int, int]] = []
        for length in range(len(query) - max_edits, len(query) + max_edits + 1):
            if length not in self._lengths:
                continue
            for edits in range(1, max_edits + 1):
                if abs(length - len(query)) > edits:
                    continue
                for number, (offset, size) in enumerate(_pieces(length, edits)):
                    for shift in range(-edits, edits + 1):
                        begin = offset + shift
                        if begin < 0 or begin + size > len(query):
                            continue
                        for slot in self._pieces.get((length, edits, number, query[begin : begin + size]), ()):
                            if slot in seen:
                                continue
                            seen.add(slot)
                            stored, allowed, payload = self._keys[slot]
                            distance = levenshtein(query, stored, allowed)
                            if 0 < distance <= allowed:
                                found.append((payload, distance))
        found.sort(key=lambda item: item[1])
        return found
