"""The error-code registry: well-formed, documented in docs/operations.md exactly as generated, and complete —
every code string the sources use is registered (a static scan of packages/*/src and src/)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from text2sql_core.errors import (
    ConfigurationError,
    DatabaseError,
    ErrorCode,
    LLMError,
    SchemaError,
    SQLValidationError,
    Text2SQLError,
    VectorStoreError,
    error_table_markdown,
    with_error_table,
)
from text2sql_core.models import INTERNAL_MESSAGE, ErrorInfo

ROOT = Path(__file__).resolve().parents[3]
OPERATIONS = ROOT / "docs" / "operations.md"
BEGIN, END = "<!-- error-codes:begin -->", "<!-- error-codes:end -->"
SOURCES = [*sorted((ROOT / "packages").glob("*/src")), ROOT / "src"]


def test_every_code_is_its_own_name_with_a_message_and_a_remedy() -> None:
    for code in ErrorCode:
        assert code.value == code.name and re.fullmatch(r"[A-Z][A-Z0-9_]+", code.value)
        assert code.message.strip() and code.remedy.strip(), code
        assert "\n" not in code.message + code.remedy and "|" not in code.message + code.remedy, code
        assert code.anchor == f"docs/operations.md#{code.value.lower()}"


def test_one_name_per_condition() -> None:
    assert "INDEX_NOT_FOUND" not in ErrorCode.__members__ and "NOT_INDEXED" in ErrorCode.__members__


def test_every_exception_class_defaults_to_a_registered_code() -> None:
    for cls in (Text2SQLError, ConfigurationError, DatabaseError, SchemaError, VectorStoreError, LLMError,
                SQLValidationError):
        assert cls("x").code in ErrorCode.__members__


def test_a_registered_code_carries_its_remedy() -> None:
    err = VectorStoreError("No template index yet.", code="NOT_INDEXED")
    assert err.code is ErrorCode.NOT_INDEXED and err.remedy == ErrorCode.NOT_INDEXED.remedy
    assert err.to_dict() == {"code": "NOT_INDEXED", "message": "No template index yet.", "context": {}}


def test_error_info_never_carries_an_unexpected_exception_s_text() -> None:
    info = ErrorInfo.from_exception(RuntimeError("password=hunter2 at /srv/app.py"), node="execute")
    assert info.code == "INTERNAL_ERROR" and info.message == INTERNAL_MESSAGE and "hunter2" not in info.model_dump_json()
    typed = ErrorInfo.from_exception(DatabaseError("The query ran too long.", code="QUERY_TIMEOUT"), node="execute")
    assert (typed.code, typed.node, typed.remedy) == ("QUERY_TIMEOUT", "execute", ErrorCode.QUERY_TIMEOUT.remedy)
    assert typed["code"] == typed.get("code") == "QUERY_TIMEOUT" and typed.get("nope", 1) == 1


def test_operations_doc_table_is_generated_from_the_registry() -> None:
    text = OPERATIONS.read_text(encoding="utf-8")
    assert BEGIN in text and END in text, f"docs/operations.md needs the {BEGIN} … {END} markers"
    table = text.split(BEGIN, 1)[1].split(END, 1)[0].strip()
    assert table == error_table_markdown(), (
        "docs/operations.md's error table differs from the registry; regenerate it with\n"
        "  uv run python -c \"import pathlib, text2sql_core.errors as e; p = pathlib.Path('docs/operations.md'); "
        "p.write_text(e.with_error_table(p.read_text()))\"")
    assert with_error_table(text) == text


# --- the static scan -------------------------------------------------------------------------------------------

def _string(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _code_parameters(tree: ast.Module) -> dict[str, int]:
    """Functions of the module with a parameter named `code`: name → its position (for positional calls)."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            names = [a.arg for a in node.args.posonlyargs + node.args.args]
            if "code" in names:
                found[node.name] = names.index("code")
    return found


def codes_used(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """(line, code) of every code string: `code="X"`, `{"code": "X"}`, `x.code == "X"`, `default_code = "X"`,
    `ErrorCode.X`, and positional arguments of the module's own functions that take a `code` parameter."""
    positional = _code_parameters(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "code" and (value := _string(keyword.value)) is not None:
                    yield node.lineno, value
            name = node.func.id if isinstance(node.func, ast.Name) else None
            argument = node.args[positional[name]] if name in positional and len(node.args) > positional[name] \
                else None
            if (value := _string(argument)) is not None:
                yield node.lineno, value
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if _string(key) == "code" and (text := _string(value)) is not None:
                    yield node.lineno, text
        elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) and node.left.attr == "code":
            for right in node.comparators:
                items = right.elts if isinstance(right, ast.Tuple | ast.List | ast.Set) else [right]
                yield from ((node.lineno, v) for v in map(_string, items) if v is not None)
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "default_code"
                                                  for t in node.targets):
            if (value := _string(node.value)) is not None:
                yield node.lineno, value
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "ErrorCode" \
                and node.attr.isupper():
            yield node.lineno, node.attr


def test_the_scan_finds_codes_in_every_form() -> None:
    sample = ast.parse(
        'def reply(send, status, code, message): ...\n'
        'raise X("m", code="A_ONE")\nd = {"code": "B_TWO"}\nif err.code == "C_THREE": pass\n'
        'class E:\n    default_code = "D_FOUR"\nErrorCode.E_FIVE\nreply(s, 413, "F_SIX", "m")\n'
        'if err.code in ("G_SEVEN", "H_EIGHT"): pass\n')
    assert sorted(c for _, c in codes_used(sample)) == ["A_ONE", "B_TWO", "C_THREE", "D_FOUR", "E_FIVE",
                                                         "F_SIX", "G_SEVEN", "H_EIGHT"]


def test_every_code_used_in_the_sources_is_registered() -> None:
    missing: dict[str, list[str]] = {}
    scanned = 0
    for source in SOURCES:
        for path in sorted(source.rglob("*.py")):
            try:
                tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            except SyntaxError as err:  # a file being edited elsewhere: say so rather than skip it silently
                pytest.fail(f"{path.relative_to(ROOT)} does not parse: {err}")
            scanned += 1
            for line, code in codes_used(tree):
                if code not in ErrorCode.__members__:
                    missing.setdefault(code, []).append(f"{path.relative_to(ROOT)}:{line}")
    assert scanned > 50
    assert not missing, "codes used but not in text2sql_core.errors.ErrorCode (add one line each):\n" + "\n".join(
        f"  {code}: {', '.join(places)}" for code, places in sorted(missing.items()))
