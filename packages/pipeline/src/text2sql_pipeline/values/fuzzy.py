"""Near-exact lookup for typos: which stored keys lie within a small edit distance of a key, fast at 50,000 keys.

Pigeonhole filter: a key allowed d edits is cut into d + k pieces; d edits damage at most d of them, so any string
within d edits contains at least k pieces unchanged, each shifted by at most d. Each piece is indexed under (key
length, edits, piece number, piece text); a query tries a few dozen dictionary lookups and computes the edit distance
only for keys sharing k pieces — never a scan. k is 2 when the pieces stay two characters or longer (one shared
piece like 센터 or 본부 says little), else 1."""

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
        left = i
        best = i
        for j, cb in enumerate(b, 1):
            cost = previous[j - 1] if ca == cb else previous[j - 1] + 1
            up = previous[j] + 1
            if up < cost:
                cost = up
            if left + 1 < cost:
                cost = left + 1
            current.append(cost)
            left = cost
            if cost < best:
                best = cost
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _required(length: int, edits: int) -> int:
    """How many unchanged pieces a near string must share with a key of `length` (the k above)."""
    return 2 if length // (edits + 2) >= 2 else 1


def _pieces(length: int, edits: int) -> list[tuple[int, int]]:
    """(offset, size) of the `edits + k` pieces a key of `length` is cut into."""
    count = edits + _required(length, edits)
    bounds = [length * i // count for i in range(count + 1)]
    return [(bounds[i], bounds[i + 1] - bounds[i]) for i in range(count)]


class FuzzyIndex:
    """Keys, each with the number of edits it tolerates (0 = none) and a payload id."""

    def __init__(self) -> None:
        self._pieces: dict[tuple[str, int, int, int, str], list[int]] = defaultdict(list)
        self._keys: list[tuple[str, int, int]] = []  # (key, edits, payload)
        self._lengths: set[int] = set()

    def add(self, key: str, edits: int, payload: int, group: str = "") -> None:
        """`group` partitions the keys: a query only meets keys of its own group (the matcher groups by the digits a
        key holds, as a number is never a typo — and codes like ALPHA-101, ALPHA-102 would otherwise all collide)."""
        if edits <= 0 or len(key) <= edits:
            return
        slot = len(self._keys)
        self._keys.append((key, edits, payload))
        self._lengths.add(len(key))
        for number, (offset, size) in enumerate(_pieces(len(key), edits)):
            self._pieces[(group, len(key), edits, number, key[offset : offset + size])].append(slot)

    def __len__(self) -> int:
        return len(self._keys)

    def near(self, query: str, max_edits: int = 2, group: str = "") -> list[tuple[int, int]]:
        """(payload, edits) of every key within its own tolerance of `query`, closest first; exact keys excluded."""
        found: list[tuple[int, int]] = []
        for length in range(len(query) - max_edits, len(query) + max_edits + 1):
            if length not in self._lengths:
                continue
            for edits in range(1, max_edits + 1):
                if abs(length - len(query)) > edits:
                    continue
                pieces = _pieces(length, edits)
                shared: list[set[int]] = [set() for _ in pieces]  # slots holding piece n unchanged (set ops run in C)
                for number, (offset, size) in enumerate(pieces):
                    for shift in range(-edits, edits + 1):
                        begin = offset + shift
                        if begin >= 0 and begin + size <= len(query):
                            shared[number].update(self._pieces.get((group, length, edits, number,
                                                                    query[begin : begin + size]), ()))
                if _required(length, edits) == 2:
                    candidates = set().union(*(a & b for i, a in enumerate(shared) for b in shared[i + 1 :]))
                else:
                    candidates = set().union(*shared)
                for slot in candidates:
                    stored, allowed, payload = self._keys[slot]
                    distance = levenshtein(query, stored, allowed)
                    if 0 < distance <= allowed:
                        found.append((payload, distance))
        found.sort(key=lambda item: item[1])
        return found
