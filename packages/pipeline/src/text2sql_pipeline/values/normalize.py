"""How a value and a stretch of a question are compared: one key per text, and Hangul split into jamo for typos.

A key ignores case, full/half width and spacing ("골드등급" = "골드 등급", "ＧＯＬＤ" = "gold"), so a question
matches a stored value however it was typed; the stored value itself is what gets bound."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["has_hangul", "jamo", "key", "syllable_count"]

_SYLLABLE_FIRST, _SYLLABLE_LAST = 0xAC00, 0xD7A3
# Compatibility jamo, so a decomposed key stays readable in a debugger: 초성 19, 중성 21, 종성 27 (+ none).
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_MEDIALS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]


def key(text: str) -> str:
    """NFKC (width), case-folded, every space removed."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def _is_syllable(char: str) -> bool:
    return _SYLLABLE_FIRST <= ord(char) <= _SYLLABLE_LAST


_HANGUL = re.compile("[\uac00-\ud7a3]")


def has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


def syllable_count(text: str) -> int:
    return len(_HANGUL.findall(text))


def jamo(text: str) -> str:
    """Each Hangul syllable as its initial, medial and final jamo (재무틴 and 재무팀 differ in one jamo, not one
    syllable); anything else unchanged."""
    out = []
    for char in text:
        if _is_syllable(char):
            index = ord(char) - _SYLLABLE_FIRST
            out.append(_INITIALS[index // 588] + _MEDIALS[(index % 588) // 28] + _FINALS[index % 28])
        else:
            out.append(char)
    return "".join(out)
