"""A broken statement in a `.sql` file is reported with its line; the statements after it are still read."""

from __future__ import annotations

from pathlib import Path

from text2sql_pipeline.ingest import IngestItem, SkippedRow, read_template_file
from text2sql_pipeline.ingest.sql_split import split_statements

DEFAULTS = {"datasource": "hr", "dialect": "oracle"}


def _read(tmp_path: Path, text: str) -> tuple[list[IngestItem], list[SkippedRow]]:
    path = tmp_path / "t.sql"
    path.write_text(text, encoding="utf-8")
    rows = list(read_template_file(path, DEFAULTS))
    return [r for r in rows if isinstance(r, IngestItem)], [r for r in rows if isinstance(r, SkippedRow)]


def test_unclosed_parenthesis_does_not_swallow_the_rest(tmp_path: Path) -> None:
    good, bad = _read(tmp_path, "SELECT dept FROM emp;\n"
                                "-- description: 깨진 문장\n"
                                "SELECT COUNT(* FROM emp\nWHERE sal > 100;\n"
                                "SELECT name FROM emp;\n"
                                "SELECT city FROM emp\n")
    assert [g.template.sql_text for g in good] == ["SELECT dept FROM emp", "SELECT name FROM emp", "SELECT city FROM emp"]
    [broken] = bad
    assert broken.source.endswith("t.sql:3 (statement 2)")
    assert "unclosed parenthesis opened at line 3" in broken.reason and "still read" in broken.reason


def test_unclosed_quote_is_reported_and_reading_resumes(tmp_path: Path) -> None:
    good, bad = _read(tmp_path, "SELECT name FROM emp WHERE city = '서울\nAND sal > 1;\n"
                                "SELECT 'a;b' AS s FROM emp;\n"
                                "SELECT q'[it's; fine]' AS s FROM emp;\n")
    assert [g.template.sql_text for g in good] == ["SELECT 'a;b' AS s FROM emp", "SELECT q'[it's; fine]' AS s FROM emp"]
    [broken] = bad
    assert broken.source.endswith("t.sql:1 (statement 1)") and "unclosed quote (') opened at line 1" in broken.reason


def test_unclosed_quote_at_the_end_of_the_file(tmp_path: Path) -> None:
    good, bad = _read(tmp_path, "SELECT 1 FROM emp;\nSELECT 'oops FROM emp")
    assert [g.template.sql_text for g in good] == ["SELECT 1 FROM emp"]
    assert len(bad) == 1 and bad[0].source.endswith(":2 (statement 2)")


def test_stray_closing_parenthesis_and_unclosed_comment() -> None:
    chunks = list(split_statements("SELECT a) FROM t;\n/* c */ SELECT b FROM t; /* never closed\nSELECT c FROM t;\n"))
    assert [(c.line, c.body, c.problem) for c in chunks] == [
        (1, "SELECT a) FROM t", "a ')' without its '(' at line 1"),
        (2, "SELECT b FROM t", None),
        (2, "", "unclosed comment '/*' opened at line 2"),
        (3, "SELECT c FROM t", None),
    ]


def test_comments_and_escapes_are_understood() -> None:
    text = ("-- description: x; y\n/* block; */ SELECT \"a;b\", `c;d`, 'it''s;' FROM t -- tail;\nWHERE x = 1;\n"
            "   \n-- only a comment at the end\n")
    [chunk] = list(split_statements(text))
    assert chunk.line == 2 and chunk.problem is None
    assert chunk.body.split() == ["SELECT", '"a;b",', "`c;d`,", "'it''s;'", "FROM", "t", "WHERE", "x", "=", "1"]
