"""Words that say how a question is asked, not what it asks: "show me", "보여줘", "알려주세요", "뭐야".

They appear in almost every question, so for overlap and BM25 they only add noise (every Korean question used to
share 알리/보이/주 with every Korean template). Korean stopwords are morphemes (base form + part of speech), so
"보여줘", "보여 주세요" and "보여주실래요" all drop, while 목록 ("list" as a thing asked for) and 수 ("직원 수",
a count) stay. Changing these lists changes BM25 text: re-index after a change (see `tokens.BM25_VERSION`).
"""

from __future__ import annotations

__all__ = ["ENGLISH_STOPWORDS", "KOREAN_STOPWORDS", "is_stopword"]

ENGLISH_STOPWORDS = frozenset(
    """
    a an the of in on at to for by with from into and or but is are was were be been being do does did
    what which who whom whose that this these those it its as me my i we our you your show give list
    tell find display please can could would will shall there their them they he she his her has have
    had than then also any about over under
    """.split()
)

# (base form, Kiwi tag without its -R/-I suffix). Verbs of asking (알리다, 보이다, 보여주다,
# 말하다, 찾다, 가르치다), the helping 주다 of "-어 주세요", question words that name no column
# (뭐, 무엇, 어떻다, 어떤), the plural 들, and 조회/출력 — the "retrieve/print" that every generated
# description ends with.
KOREAN_STOPWORDS: frozenset[tuple[str, str]] = frozenset(
    {
        ("알리", "VV"), ("보이", "VV"), ("보여주", "VV"), ("말하", "VV"), ("찾", "VV"), ("가르치", "VV"),
        ("주", "VX"), ("주", "VV"), ("싶", "VX"), ("알", "VV"), ("보", "VX"),
        ("뭐", "NP"), ("무엇", "NP"), ("어떻", "VA"), ("어떤", "MM"), ("좀", "MAG"), ("대하", "VV"), ("관하", "VV"),
        ("들", "XSN"), ("것", "NNB"), ("조회", "NNG"), ("출력", "NNG"), ("나열", "NNG"),
        ("해주", "VV"), ("하", "VV"), ("하", "VX"), ("드리", "VX"), ("주시", "VX"),
    }
)


def is_stopword(form: str, tag: str = "") -> bool:
    """True for a word (English, any case) or Korean morpheme (base form and Kiwi tag) that carries no meaning
    for matching a question to a template."""
    lowered = form.lower()
    if not tag or tag == "SL":
        return lowered in ENGLISH_STOPWORDS
    return (lowered, tag.split("-")[0]) in KOREAN_STOPWORDS
