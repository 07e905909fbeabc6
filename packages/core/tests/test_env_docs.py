"""Every TEXT2SQL_ variable the settings accept is listed in .env.example and docs/configuration.md."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from text2sql_core.settings import UnifiedSettings

REPO = Path(__file__).resolve().parents[3]


def env_names(model: type[BaseModel], prefix: str = "TEXT2SQL_") -> list[str]:
    names = []
    for name, field in model.model_fields.items():
        key = (field.alias or name).upper()
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names += env_names(annotation, f"{prefix}{key}__")
        elif key != "DATASOURCES":  # a mapping of user-chosen names, documented by example
            names.append(f"{prefix}{key}")
    return names


def test_every_variable_is_documented() -> None:
    example = (REPO / ".env.example").read_text(encoding="utf-8")
    docs = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    names = env_names(UnifiedSettings)
    assert "TEXT2SQL_ORACLE__SCHEMA__HOST" in names and "TEXT2SQL_ORACLE__OLTP__DSN" in names
    missing_example = [n for n in names if f"{n}=" not in example]
    generic = [n.replace("__SCHEMA__", "__KIND__").replace("__OLTP__", "__KIND__") for n in names]
    missing_docs = [n for n in generic if f"`{n}`" not in docs]
    assert missing_example == [] and missing_docs == []


def test_env_example_states_the_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`cp .env.example .env` changes nothing: every value it sets is the default, every empty one reads as unset."""
    monkeypatch.chdir(tmp_path)  # relative defaults (./data) are read the same way from both
    copied = UnifiedSettings(_env_file=REPO / ".env.example")
    defaults = UnifiedSettings(_env_file=None)
    assert copied.model_dump() == defaults.model_dump()


def test_example_paths_follow_data_dir() -> None:
    """No file path in .env.example pins a file to ./data: unset, they follow TEXT2SQL_DATA_DIR."""
    example = (REPO / ".env.example").read_text(encoding="utf-8")
    pinned = [line for line in example.splitlines()
              if line.startswith("TEXT2SQL_") and "./data" in line and not line.startswith("TEXT2SQL_DATA_DIR=")]
    assert pinned == []
