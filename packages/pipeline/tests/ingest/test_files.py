"""Template files of every supported kind; each bad row is reported with where it was, the good ones kept."""

from __future__ import annotations

from pathlib import Path

from text2sql_pipeline.ingest import IngestItem, SkippedRow, expand_paths, read_template_file

DEFAULTS = {"datasource": "hr", "dialect": "sqlite"}


def _split(rows: list) -> tuple[list[IngestItem], list[SkippedRow]]:
    return [r for r in rows if isinstance(r, IngestItem)], [r for r in rows if isinstance(r, SkippedRow)]


def test_jsonl_with_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text(
        '{"sql_text": "SELECT 1", "description": "하나", "questions": ["1을 보여줘"], "exec_count": 3}\n'
        "\n"
        "not json at all\n"
        '{"sql_text": ""}\n'
        '{"description": "no sql"}\n'
        '["a list"]\n'
        '{"sql": "SELECT 2", "question": "둘", "datasource": "sales", "exec_count": -1}\n'
        '{"query": "SELECT 3", "domain_tags": "a|b"}\n',
        encoding="utf-8",
    )
    good, bad = _split(list(read_template_file(path, DEFAULTS)))
    assert [g.template.sql_text for g in good] == ["SELECT 1", "SELECT 3"]
    assert good[0].template.exec_count == 3 and good[0].template.questions == ["1을 보여줘"]
    assert good[0].template.datasource == "hr" and good[1].template.domain_tags == ["a", "b"]
    reasons = {b.source.rsplit(":", 1)[1]: b.reason for b in bad}
    assert reasons["3"].startswith("not valid JSON") and reasons["4"] == "sql_text is empty"
    assert "sql_text" in reasons["5"] and "expected an object" in reasons["6"] and "exec_count" in reasons["7"]


def test_yaml_json_and_csv(tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(
        "templates:\n  - sql_text: SELECT name FROM emp\n    description: 직원 이름\n  - description: 빠짐\n",
        encoding="utf-8")
    (tmp_path / "t.json").write_text('[{"sql_text": "SELECT 1", "id": "fixed-id"}]', encoding="utf-8")
    (tmp_path / "t.csv").write_text(
        "sql_text,description,domain_tags,exec_count\n"
        "SELECT a FROM t,설명,\"x,y\",5\n"
        ",빈 행,,\n"
        "SELECT b FROM t,넘침,,1,extra\n", encoding="utf-8")
    rows = [r for p in expand_paths([tmp_path]) for r in read_template_file(p, DEFAULTS)]
    good, bad = _split(rows)
    assert sorted(g.template.sql_text for g in good) == ["SELECT 1", "SELECT a FROM t", "SELECT name FROM emp"]
    csv_row = next(g for g in good if g.source.endswith(".csv:2"))
    assert csv_row.template.domain_tags == ["x", "y"] and csv_row.template.exec_count == 5
    assert next(g for g in good if g.template.sql_text == "SELECT 1").template.id == "fixed-id"
    assert {b.source.split("/")[-1] for b in bad} == {"t.csv:3", "t.csv:4", "t.yaml#2"}


def test_sql_file_with_descriptions(tmp_path: Path) -> None:
    path = tmp_path / "t.sql"
    path.write_text(
        "-- description: 부서별 직원 수\n"
        "SELECT dept, COUNT(*) FROM emp GROUP BY dept;\n\n"
        "-- 설명: 세미콜론이 든 문자열\n-- tags: hr, 감사\n"
        "SELECT 'a;b' AS s FROM emp;\n"
        "SELECT 3 FROM emp\n", encoding="utf-8")
    good, bad = _split(list(read_template_file(path, DEFAULTS)))
    assert not bad
    assert [g.template.description for g in good] == ["부서별 직원 수", "세미콜론이 든 문자열", ""]
    assert good[1].template.sql_text == "SELECT 'a;b' AS s FROM emp" and good[1].template.domain_tags == ["hr", "감사"]
    assert good[2].source.endswith("(statement 3)")


def test_unreadable_inputs(tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("a: [unclosed", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    rows = list(read_template_file(tmp_path / "broken.yaml", DEFAULTS))
    rows += list(read_template_file(tmp_path / "notes.txt", DEFAULTS))
    rows += list(read_template_file(tmp_path / "missing.jsonl", DEFAULTS))
    assert [type(r) for r in rows] == [SkippedRow] * 3
    assert "cannot be parsed" in rows[0].reason and "unsupported" in rows[1].reason and rows[2].reason == "file not found"
