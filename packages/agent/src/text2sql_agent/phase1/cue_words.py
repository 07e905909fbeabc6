"""What a question's words say about its SQL, read on morphemes (Korean) and words (English), never substrings.

A substring table misreads Korean: "점수를" holds 수를 (count), "총무팀" holds 총 (sum), "별점" holds 별 (group).
Here a cue is a sequence of words, each a base form with an optional part of speech: 부서별 is 부서 + 별/XSN
(a grouping suffix) while 별점 is one noun; 총 매출 is 총/MM (a determiner) while 총무 is one noun; 직원 수 is
수/NNG after a noun while 볼 수 있는 is 수/NNB after a verb. Direction is bound to its adjective: "가장 높은" is
DESC, "가장 낮은" ASC — "가장" alone says only that one row (LIMIT) is wanted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text2sql_core.numberwords import number_from_word
from text2sql_core.text.korean import analyse

__all__ = ["CUE_PATTERNS", "Word", "question_cues", "question_words"]

# Each entry: words separated by spaces; a word is `form` (any part of speech) or `form/TAG` (tag prefix); `a|b`
# is either form. English forms are lower-cased whole words.
CUE_PATTERNS: dict[str, tuple[str, ...]] = {
    "count": ("how many", "number of", "count", "counts", "headcount", "머릿수/N", "개수/N", "건수/N",
              "인원/N", "인원수/N", "명수/N", "카운트/N"),
    "group": ("each", "per", "every", "별/XSN", "마다/JX", "당/XSN", "각/MM", "각각/MAG"),
    "avg": ("average", "mean", "avg", "평균/N"),
    # "total"/총 are read in `_sum_or_count`: "총 매출" sums, "총 몇 명" / "total number of" counts.
    "sum": ("sum", "합계/N", "합/N", "총합/N", "총액/N", "합산/N", "총계/N"),
    # "몇 가지", "국적 종류": how many kinds is COUNT(DISTINCT …).
    "distinct": ("distinct", "different", "unique", "중복/N", "고유/N", "서로 다르|다른", "몇 가지|종류"),
    # 없/빼 after 중복 ("중복 없이", "중복 빼고") ask for DISTINCT, not NOT: read in `_korean_special`.
    "negation": ("not", "no", "without", "never", "except", "않/VX", "제외/N", "아니/VCN", "안/MAG", "못/MAG",
                 "못하/VX", "미/XPN"),
    "both": ("both", "and", "모두/MAG", "둘 다", "동시/N"),
    "either": ("either", "또는/MAG", "혹은/MAG", "거나/EC"),
    # A count or amount compared with a number: "at least 4 students", "5명 이상", "10편을 넘는".
    "having": ("at least", "at most", "more than", "fewer than", "less than", "greater than", "or more",
               "or fewer", "or less", "over", "under", "above", "below", "exceed", "exceeds", "exceeding",
               "이상/N", "이하/N", "초과/N", "미만/N", "넘/VV", "넘게/MAG"),
    # Ordering asked for without a direction ("sorted by age", "이름순으로") fits either direction.
    "order": ("order", "ordered", "sort", "sorted", "alphabetical", "alphabetically", "ranked", "순/N",
              "순서/N", "정렬/N", "순위/N"),
    "desc": ("highest", "most", "largest", "biggest", "greatest", "latest", "newest", "descending", "oldest",
             "max", "maximum", "top", "longest", "heaviest", "richest", "best", "decreasing",
             "최대/N", "최고/N", "최다/N", "최신/N", "상위/N", "내림 차 순", "내림차순/N", "역 순", "역순/N",
             "최댓값", "최대값"),
    "asc": ("lowest", "least", "fewest", "smallest", "earliest", "youngest", "ascending", "min", "minimum",
            "cheapest", "shortest", "lightest", "bottom", "worst", "increasing",
            "최소/N", "최저/N", "하위/N", "오름 차 순", "오름차순/N", "최솟값", "최소값"),
    "limit": ("top", "most", "least", "highest", "lowest", "largest", "smallest", "biggest", "greatest", "fewest",
              "oldest", "youngest", "latest", "newest", "earliest", "longest", "shortest", "cheapest", "best",
              "worst", "heaviest", "lightest", "richest", "maximum", "minimum",
              "가장/MAG", "제일/MAG", "제일/NNG", "상위/N", "하위/N", "최고/N", "최저/N", "최다/N"),
}

# Adjectives whose direction counts only when bound: after 가장/제일, before 순 ("높은 순"), or with a row count.
_DESC_ADJECTIVES = frozenset({"높", "많", "많이", "크", "비싸", "길", "무겁", "넓", "늦", "최근", "자주", "흔하"})
_ASC_ADJECTIVES = frozenset({"낮", "적", "적게", "작", "싸", "짧", "가볍", "좁", "이르", "어리", "젊", "오래", "드물"})
_SUPERLATIVES = frozenset({"가장", "제일"})
_ORDER_NOUNS = frozenset({"순", "순서", "순위"})
_COMPARISONS = frozenset({"이상", "이하", "초과", "미만", "보다", "넘", "이내", "넘게"})
_COUNTER_TAGS = ("NNB",)
# Counters of rows (5명, 3개, 10건), not of time: "최근 7일" is a period, not "the top 7".
_ROW_COUNTERS = frozenset({"명", "개", "건", "곳", "위", "편", "가지", "권", "대", "마리", "종", "군데", "척", "채"})
# Generic English superlatives ("tallest", "heaviest") beyond the listed ones; not "interest", "request".
_SUPERLATIVE_EN = re.compile(r"[a-z]{2,}(?:iest|[bdfghklmnpstvwz]est)")
_NOT_SUPERLATIVE = frozenset({"test", "contest", "protest", "honest", "modest", "manifest", "latest"})
# Words before "by" that make it a passive or an ordering, not a grouping: "sorted by", "hired by 2020".
_NOT_GROUPING_BY = frozenset({"sort", "sorted", "order", "ordered", "rank", "ranked", "arranged", "followed",
                              "made", "written", "done", "taken", "given", "held", "led", "run", "won", "known"})
_OR_COMPARISON = frozenset({"more", "fewer", "less", "greater", "higher", "lower", "above", "below", "older",
                            "younger", "equal", "later", "earlier", "longer", "shorter"})
_MORE_OR_LESS = frozenset({"많", "적", "크", "작", "높", "낮", "많이", "적게"})
_COUNT_NOUNS = frozenset({"number", "count", "몇", "수", "개수", "건수", "인원", "인원수"})
# "at most 3" and "at least 4" compare; they do not ask for the most or the least. Nor do 최소/최대 before a number.
_COMPARED = frozenset({"most", "least"})
_BOUNDS = frozenset({"최소", "최대"})
_DIRECTIONAL = frozenset({"desc", "asc", "limit"})
_ENGLISH = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*", re.IGNORECASE)


@dataclass(frozen=True)
class Word:
    """A word of the question as cues read it: base form (lower-cased), part of speech (`EN` for English words,
    `SN` for numbers, Kiwi's tag for Korean) and the text as written."""

    form: str
    tag: str
    surface: str


@lru_cache(maxsize=4096)
def question_words(question: str) -> tuple[Word, ...]:
    """Korean morphemes from the one analyser, English words and numbers by their look, in text order."""
    found: list[tuple[int, Word]] = []
    for morpheme in analyse(question):
        if morpheme.tag not in ("SL", "SN", "SS", "SH", "W_SERIAL"):
            found.append((morpheme.start, Word(morpheme.form.lower(), morpheme.tag,
                                               question[morpheme.start:morpheme.end])))
    for match in _ENGLISH.finditer(question):
        text = match.group(0)
        tag = "SN" if text[0].isdigit() else "EN"
        found.append((match.start(), Word(text.lower(), tag, text)))
    found.sort(key=lambda item: item[0])
    return _merge_jeil(tuple(word for _, word in found))


def _merge_jeil(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """Kiwi reads 제일 before an adjective as 제/XPN + 일/NR ("제일 긴" → "the 1st long"); it is the adverb."""
    merged: list[Word] = []
    for word in words:
        if word.form == "일" and word.tag == "NR" and merged and merged[-1].form == "제" and merged[-1].tag == "XPN":
            merged[-1] = Word("제일", "MAG", merged[-1].surface + word.surface)
        else:
            merged.append(word)
    return tuple(merged)


def _matcher(item: str) -> tuple[frozenset[str], str]:
    forms, _, tag = item.partition("/")
    return frozenset(forms.split("|")), tag


_COMPILED = {name: [tuple(_matcher(i) for i in p.split()) for p in patterns] for name, patterns in CUE_PATTERNS.items()}


def _matches_at(words: tuple[Word, ...], i: int, pattern: tuple[tuple[frozenset[str], str], ...]) -> bool:
    if i + len(pattern) > len(words):
        return False
    return all(w.form in forms and w.tag.startswith(tag)
               for w, (forms, tag) in zip(words[i:i + len(pattern)], pattern, strict=True))


def _is_number(word: Word) -> bool:
    return word.tag == "SN" or word.form == "한" or number_from_word(word.form) is not None


def _row_count_at(words: tuple[Word, ...], i: int) -> bool:
    """A number with its counter ("5명", "세 개") that is not compared ("5명 이상", "한 명보다 많은")."""
    if not (_is_number(words[i]) and i + 1 < len(words) and words[i + 1].form in _ROW_COUNTERS):
        return False
    after = {w.form for w in words[i + 2:i + 4]}
    return not after & _COMPARISONS and not (i > 0 and words[i - 1].form == "몇")


def _direction(words: tuple[Word, ...], i: int, row_count: bool) -> str | None:
    """DESC/ASC for an adjective bound to a superlative, an order noun or a row count; None when unbound
    ("평균보다 높은 급여" compares, it does not order)."""
    form = words[i].form
    if form not in _DESC_ADJECTIVES and form not in _ASC_ADJECTIVES:
        return None
    if i > 0 and words[i - 1].form == "보다":
        return None
    bound = (any(w.form in _SUPERLATIVES for w in words[max(0, i - 4):i])
             or any(w.form in _ORDER_NOUNS for w in words[i + 1:i + 4]) or row_count)
    if not bound:
        return None
    return "desc" if form in _DESC_ADJECTIVES else "asc"


def _generic_superlative(word: Word) -> bool:
    return word.tag == "EN" and bool(_SUPERLATIVE_EN.fullmatch(word.form)) and word.form not in _NOT_SUPERLATIVE


def _english_special(words: tuple[Word, ...], i: int, found: set[str]) -> None:
    word = words[i]
    nxt = words[i + 1] if i + 1 < len(words) else None
    if word.form == "by" and i > 0 and nxt is not None:
        before = words[i - 1].form
        passive = (before.endswith("ed") and before != "grouped") or before in _NOT_GROUPING_BY
        if not passive and nxt.tag == "EN" and not nxt.surface[0].isupper():
            found.add("group")
    elif word.form == "or" and (nxt is None or nxt.form not in _OR_COMPARISON):
        found.add("either")
    elif word.form.endswith("n't"):
        found.add("negation")
    elif (word.form == "first" and nxt is not None and _is_number(nxt)) or _generic_superlative(word):
        found.add("limit")  # "first 5 rows", "the tallest player"


def _sum_or_count(words: tuple[Word, ...], i: int, found: set[str]) -> None:
    word = words[i]
    total = (word.form == "total" and word.tag == "EN") or (word.form == "총" and word.tag in ("MM", "XPN"))
    if total:
        nxt = words[i + 1].form if i + 1 < len(words) else ""
        found.add("count" if nxt in _COUNT_NOUNS else "sum")


def _korean_special(words: tuple[Word, ...], i: int, found: set[str]) -> None:
    word = words[i]
    # "종류가 몇 가지", "국적종류 몇개": how many kinds (종류 alone is a column's name: "펫 종류별").
    if word.form == "종류" and any(w.form == "몇" for w in words[i + 1:i + 4]):
        found.add("distinct")
    # 몇 asks how many, except for an age or an hour ("몇 살", "몇 시").
    if word.form == "몇" and (i + 1 == len(words) or words[i + 1].form not in {"살", "시"}):
        found.add("count")
    # 수 counts after a noun ("직원 수", "학생수", "나라 수"), not as "can" ("볼 수 있는").
    if word.form == "수" and (word.tag == "NNG" or (i > 0 and words[i - 1].tag.startswith(("NN", "XSN", "EN")))):
        found.add("count")
    if word.form in {"없", "없이", "빼"} and not (i > 0 and words[i - 1].form == "중복"):
        found.add("negation")
    # "최소 두 개", "최대 3명": a bound on a count, not the least or the most.
    if word.form in _BOUNDS and i + 1 < len(words) and _is_number(words[i + 1]):
        found.add("having")
    # "한 명보다 많은", "1곡보다 많은": a compared count.
    counted = i > 1 and _is_number(words[i - 2])
    compared = word.form == "보다" and i > 0 and (words[i - 1].tag.startswith(_COUNTER_TAGS) or counted)
    if compared and any(w.form in _MORE_OR_LESS for w in words[i + 1:i + 3]):
        found.add("having")


@lru_cache(maxsize=4096)
def question_cues(question: str) -> frozenset[str]:
    """The structure cues of `question`: count, group, avg, sum, distinct, negation, both, either, having, order,
    desc, asc, limit."""
    words = question_words(question)
    found: set[str] = set()
    row_count = False
    for i in range(len(words)):
        compared = ((words[i].form in _COMPARED and i > 0 and words[i - 1].form == "at")
                    or (words[i].form in _BOUNDS and i + 1 < len(words) and _is_number(words[i + 1])))
        for name, patterns in _COMPILED.items():
            if name in found or (compared and name in _DIRECTIONAL):
                continue
            if any(_matches_at(words, i, p) for p in patterns):
                found.add(name)
        _english_special(words, i, found)
        _korean_special(words, i, found)
        _sum_or_count(words, i, found)
        if _row_count_at(words, i):
            row_count = True
    if row_count:
        found.add("limit")
    for i in range(len(words)):
        direction = _direction(words, i, row_count)
        if direction:
            found.update((direction, "limit") if any(w.form in _SUPERLATIVES for w in words[max(0, i - 4):i])
                         else (direction,))
    return frozenset(found)
