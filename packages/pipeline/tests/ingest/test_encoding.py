"""Files saved by Korean tools: UTF-8, UTF-8 with a BOM, CP949/EUC-KR read as they are; an undecodable file is one
skipped row naming it and the fix, and the other files of the folder are still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from text2sql_pipeline.ingest import IngestItem, SkippedRow, expand_paths, read_template_file
from text2sql_pipeline.ingest.encoding import UndecodableFile, read_text

DEFAULTS = {"datasource": "hr", "dialect": "sqlite"}
SQL = "-- 설명: 부서별 직원 수\r\nSELECT dept, COUNT(*) FROM emp WHERE city = '서울' GROUP BY dept;\r\n"


@pytest.mark.parametrize(("encoding", "expected"), [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                                     ("cp949", "cp949"), ("euc-kr", "cp949")])
def test_korean_encodings_are_read(tmp_path: Path, encoding: str, expected: str) -> None:
    path = tmp_path / "t.sql"
    path.write_bytes(SQL.encode(encoding))
    decoded = read_text(path)
    assert decoded.encoding == expected and decoded.text == SQL.replace("\r\n", "\n")
    [row] = list(read_template_file(path, DEFAULTS))
    assert isinstance(row, IngestItem)
    assert row.template.description == "부서별 직원 수" and "'서울'" in row.template.sql_text


def test_bom_csv_and_cp949_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_bytes("sql_text,description\nSELECT 1,하나\n".encode("utf-8-sig"))
    (tmp_path / "b.jsonl").write_bytes('{"sql_text": "SELECT 2", "description": "둘"}\n'.encode("cp949"))
    rows = [r for p in expand_paths([tmp_path]) for r in read_template_file(p, DEFAULTS)]
    assert [(r.template.sql_text, r.template.description) for r in rows] == [("SELECT 1", "하나"), ("SELECT 2", "둘")]


def test_undecodable_file_is_one_line_naming_it_and_the_others_are_read(tmp_path: Path) -> None:
    # bytes that are neither UTF-8 nor CP949 and carry no recognisable text
    (tmp_path / "a_broken.sql").write_bytes(b"SELECT \xff\xfe\xff\x00\x81 FROM t;\n" * 3)
    (tmp_path / "b_good.sql").write_text("SELECT name FROM emp;\n", encoding="utf-8")
    rows = [r for p in expand_paths([tmp_path]) for r in read_template_file(p, DEFAULTS)]
    skipped = [r for r in rows if isinstance(r, SkippedRow)]
    good = [r for r in rows if isinstance(r, IngestItem)]
    assert [g.template.sql_text for g in good] == ["SELECT name FROM emp"]
    [bad] = skipped
    assert bad.source.endswith("a_broken.sql") and "\n" not in bad.reason
    assert "UTF-8" in bad.reason and "iconv" in bad.reason and "offset" in bad.reason
    with pytest.raises(UndecodableFile):
        read_text(tmp_path / "a_broken.sql")
