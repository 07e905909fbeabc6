"""Splitting a `.sql` file into statements so that one broken statement cannot swallow the ones after it.

A statement ends at a `;` outside quotes and comments — whatever the parenthesis depth, since a `;` inside
parentheses is never valid in a query. So a statement with an unclosed `(` ends at its own `;` and is reported
(with the line of the `(`) instead of absorbing the rest of the file. A quote is taken as unclosed when it reaches
the end of the file or a `;` that ends a line (a literal that spans statements is a missing quote, not a string):
the statement is reported with the line of the quote and reading resumes on the next line.
Understood: `'…'` with `''` escapes, Oracle's `q'[…]'`, `"identifiers"`, MySQL `` `identifiers` ``, `-- …` and
`/* … */` comments (kept in `raw`, left out of `body`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["SqlChunk", "split_statements"]

_Q_CLOSERS = {"[": "]", "{": "}", "(": ")", "<": ">"}


@dataclass
class SqlChunk:
    raw: str  # the text as written, comments included, without the closing ';'
    body: str  # the statement without comments, stripped
    line: int  # where the statement itself starts (after blank lines and comments)
    problem: str | None = None  # why it is broken (unclosed parenthesis, quote or comment), with the line


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.i = 0
        self.line = 1

    def line_of(self, index: int) -> int:
        return self.text.count("\n", 0, index) + 1

    def advance_to(self, index: int) -> None:
        self.line += self.text.count("\n", self.i, index)
        self.i = index

    def end_of_line(self, index: int) -> int:
        found = self.text.find("\n", index)
        return len(self.text) if found < 0 else found + 1

    def quote_end(self, start: int) -> tuple[bool, int]:
        """(True, index just past the literal or quoted identifier opening at `start`), or (False, where it was
        found unclosed: a line-ending ';' or the end of the text)."""
        text, quote = self.text, self.text[start]
        closer, j = quote, start + 1
        if quote == "'" and start > 0 and text[start - 1] in "qQ" and start + 1 < len(text):
            opener = text[start + 1]  # Oracle's alternative quoting: q'[it's]'
            closer, j = _Q_CLOSERS.get(opener, opener) + "'", start + 2
        while j < len(text):
            if text.startswith(closer, j):
                if closer == "'" and text.startswith("''", j):
                    j += 2  # an escaped quote inside the literal
                    continue
                return True, j + len(closer)
            if text[j] == ";" and text[j + 1 : self.end_of_line(j)].strip() == "":
                return False, j  # a ';' ending a line inside a literal: the quote was never closed
            j += 1
        return False, len(text)


def _problem(parens: list[int], stray: int | None) -> str | None:
    if parens:
        return f"unclosed parenthesis opened at line {parens[-1]}"
    return f"a ')' without its '(' at line {stray}" if stray is not None else None


def split_statements(text: str) -> Iterator[SqlChunk]:
    scan = _Scanner(text)
    start = 0
    body: list[str] = []
    parens: list[int] = []  # the lines of the '(' still open
    stray: int | None = None  # the line of a ')' that closed nothing
    body_line: int | None = None

    def flush(end: int, problem: str | None) -> SqlChunk | None:
        nonlocal body, parens, stray, body_line
        clean = "".join(body).strip()
        made = SqlChunk(text[start:end], clean, body_line or scan.line_of(start), problem) if clean or problem else None
        body, parens, stray, body_line = [], [], None, None
        return made

    while scan.i < len(text):
        i, ch = scan.i, text[scan.i]
        if text.startswith("--", i):
            body.append("\n")
            scan.advance_to(scan.end_of_line(i))
            continue
        if text.startswith("/*", i) or ch in "'\"`":
            if ch == "/":
                close = text.find("*/", i + 2)
                closed, end = close >= 0, close + 2
            else:
                closed, end = scan.quote_end(i)
            if not closed:  # report this statement; resume on the next line (of the '/*', or of the quote's end)
                what = "comment '/*'" if ch == "/" else f"quote ({ch})"
                resume = scan.end_of_line(i if ch == "/" else end)
                body_line = body_line or scan.line
                made = flush(resume, f"unclosed {what} opened at line {scan.line}")
                if made:
                    made.raw = made.raw.rstrip().rstrip(";")
                    yield made
                scan.advance_to(resume)
                start = resume
                continue
            if ch != "/" and body_line is None:
                body_line = scan.line
            body.append(" " if ch == "/" else text[i:end])
            scan.advance_to(end)
            continue
        if ch == ";":
            made = flush(i, _problem(parens, stray))
            if made:
                yield made
            scan.advance_to(i + 1)
            start = i + 1
            continue
        if ch == "(":
            parens.append(scan.line)
        elif ch == ")":
            if parens:
                parens.pop()
            elif stray is None:
                stray = scan.line
        if body_line is None and not ch.isspace():
            body_line = scan.line
        body.append(ch)
        scan.advance_to(i + 1)
    made = flush(len(text), _problem(parens, stray))
    if made:
        yield made
