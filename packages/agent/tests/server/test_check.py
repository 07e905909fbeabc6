"""`text2sql serve --check`: warm up and probe once, one line per dependency, exit 0 when ready and 1 otherwise —
no server started, no secret printed; database URLs people copy (postgres://, mysql://) are accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from text2sql.cli import app
from text2sql_core.settings import UnifiedSettings

PASSWORD = "Chk-S3cret-pw"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.chdir(tmp_path)  # no developer .env is read
    return monkeypatch


def check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["serve", "--check", *args])
    return result.exit_code, result.output


def test_ready_demo_prints_every_dependency_ok_and_exits_0(env: pytest.MonkeyPatch, demo: UnifiedSettings) -> None:
    env.setenv("TEXT2SQL_DATA_DIR", str(demo.data_dir))
    env.setenv("TEXT2SQL_MILVUS__URI", str(demo.milvus.uri))
    code, output = check("--demo")
    lines = {line.split()[1]: line for line in output.splitlines() if line.startswith(("ok", "FAILED"))}
    assert code == 0, output
    assert set(lines) == {"warm-up", "milvus", "conversations", "schema:default", "oltp:default"}
    assert all(line.startswith("ok") for line in lines.values()) and "40 templates" in lines["milvus"]
    assert output.rstrip().endswith("ready / 준비됨")


def test_unreachable_database_fails_by_name_without_its_password(env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env.setenv("TEXT2SQL_DATA_DIR", str(tmp_path))
    env.setenv("TEXT2SQL_ORACLE__OLTP__URL", f"postgres://reader:{PASSWORD}@127.0.0.1:1/sales")
    code, output = check()
    failed = {line.split()[1]: line for line in output.splitlines() if line.startswith("FAILED")}
    assert code == 1, output
    assert {"oltp:default", "schema:default", "milvus", "warm-up"} <= set(failed)
    assert "[DATABASE_UNREACHABLE]" in failed["oltp:default"] and "reader" in failed["oltp:default"]
    assert "[NOT_INDEXED]" in failed["milvus"] and "not ready" in output
    assert PASSWORD not in output


@pytest.mark.parametrize(("variable", "fragment"), [
    ("TEXT2SQL_DATASOURCES__HR__OLTP_URL", "TEXT2SQL_DATASOURCES__<NAME>__OLTP_URL"),
    ("TEXT2SQL_ORACLE__SCHEMA__URL", "TEXT2SQL_ORACLE__"),
])
def test_unknown_url_scheme_is_one_line_naming_the_variable(env: pytest.MonkeyPatch, variable: str,
                                                            fragment: str) -> None:
    env.setenv(variable, f"mongodb://app:{PASSWORD}@db/app")
    code, output = check()
    assert code == 1 and output.count("\n") == 1, output
    assert output.startswith("error [UNSUPPORTED_DATABASE_URL]") and fragment in output and PASSWORD not in output


def test_nothing_configured_says_what_to_set(env: pytest.MonkeyPatch) -> None:
    code, output = check()
    assert code == 1 and "[DATABASE_NOT_CONFIGURED]" in output and "--demo" in output


def test_invalid_value_names_the_variable_not_the_value(env: pytest.MonkeyPatch) -> None:
    env.setenv("TEXT2SQL_SERVER__PORT", "eighty")
    code, output = check("--demo")
    assert code == 1 and "TEXT2SQL_SERVER__PORT" in output and "eighty" not in output
