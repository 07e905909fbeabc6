"""Reading a template file whatever Korean tool saved it: UTF-8, UTF-8 with a BOM, CP949 / EUC-KR, or what
charset-normalizer recognises; otherwise one line that names the file and says how to fix it."""

from __future__ import annotations

import codecs
import logging
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DecodedText", "UndecodableFile", "read_text"]

log = logging.getLogger(__name__)

# CP949 is a superset of EUC-KR (Windows' and older Korean tools' default); tried right after UTF-8 because a
# Korean file that is not UTF-8 is almost always one of them, and guessing wastes time on short files.
_KOREAN = "cp949"
_MIN_CONFIDENCE_COHERENCE = 0.5


class UndecodableFile(Exception):
    """The file is in no encoding we can read with confidence; `str()` is the one-line reason and fix."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "cp949", or what charset-normalizer found


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # only for the rare file that is neither UTF-8 nor CP949

    best = from_bytes(data).best()
    if best is None or (best.coherence < _MIN_CONFIDENCE_COHERENCE and best.encoding not in {"ascii", "utf_8"}):
        return None
    return best.encoding


def read_text(path: Path) -> DecodedText:
    """The file's text with universal newlines; raises `UndecodableFile` (never UnicodeDecodeError)."""
    data = path.read_bytes()
    candidates = ["utf-8-sig"] if data.startswith(codecs.BOM_UTF8) else ["utf-8", _KOREAN]
    first_error: UnicodeDecodeError | None = None
    for encoding in candidates:
        try:
            return DecodedText(_newlines(data.decode(encoding)), encoding)
        except UnicodeDecodeError as err:
            first_error = first_error or err
    guessed = _guess(data)
    if guessed:
        try:
            text = data.decode(guessed)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            log.info("%s read as %s (neither UTF-8 nor CP949)", path, guessed)
            return DecodedText(_newlines(text), guessed)
    where = f" (byte 0x{data[first_error.start]:02x} at offset {first_error.start})" if first_error else ""
    raise UndecodableFile(
        f"cannot read the text: not UTF-8, CP949/EUC-KR or another encoding recognised with confidence{where}. "
        f"Save the file as UTF-8 (e.g. `iconv -f <its encoding> -t UTF-8 {path.name} > {path.stem}.utf8{path.suffix}`)"
        " / 파일 인코딩을 읽을 수 없습니다: UTF-8로 저장하세요."
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
