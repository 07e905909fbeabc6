"""The compose stack, checked without Docker: valid against the Compose specification's JSON schema (carried in
tests/support/compose-spec.json, from docker-compose 1.29.2, Apache-2.0), every TEXT2SQL_ variable it sets exists
in the settings, .env.example names what it needs, and the Oracle demo it loads is the generated one."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import jsonschema
import yaml

from text2sql_agent.demo.oracle import oracle_demo_sql, oracle_templates
from text2sql_core.settings import UnifiedSettings
from text2sql_core.validation.guard import parse_read_only

ROOT = Path(__file__).parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def _settings_variables() -> set[str]:
    names: set[str] = set()

    def walk(model: type, prefix: str) -> None:
        for name, field in model.model_fields.items():
            key = f"{prefix}{(field.alias or name).upper()}"
            annotation = field.annotation
            if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
                walk(annotation, key + "__")
            else:
                names.add(key)

    walk(UnifiedSettings, "TEXT2SQL_")
    return names


def test_compose_file_matches_the_compose_specification() -> None:
    schema = json.loads((ROOT / "tests" / "support" / "compose-spec.json").read_text(encoding="utf-8"))
    jsonschema.Draft201909Validator(schema).validate(COMPOSE)
    assert {"etcd", "minio", "milvus", "oracle", "embeddings", "llm-ollama", "llm-vllm", "text2sql",
            "indexer"} <= set(COMPOSE["services"])
    assert all("healthcheck" in COMPOSE["services"][s] for s in ("etcd", "minio", "milvus", "oracle", "embeddings"))


def test_every_text2sql_variable_the_stack_sets_exists_in_the_settings() -> None:
    known = _settings_variables()
    connections = {f"TEXT2SQL_ORACLE__{kind}__{field}" for kind in ("SCHEMA", "OLTP")
                   for field in ("HOST", "PORT", "SERVICE_NAME", "USERNAME", "PASSWORD", "OWNER", "URL", "DSN")}
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"\b(TEXT2SQL_[A-Z0-9_]+)\b", text))
    unknown = sorted(v for v in used if v not in known | connections)
    assert not unknown, unknown
    assert {"TEXT2SQL_ORACLE__SCHEMA__USERNAME", "TEXT2SQL_ORACLE__OLTP__USERNAME"} <= used


def test_env_example_names_every_secret_the_stack_requires() -> None:
    required = set(re.findall(r"\$\{([A-Z0-9_]+):\?", (ROOT / "docker-compose.yml").read_text(encoding="utf-8")))
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    assert required and all(re.search(rf"^{name}=", example, re.M) for name in required), required


def test_oracle_demo_files_are_current_and_the_templates_pass_the_guard() -> None:
    init = (ROOT / "deploy" / "oracle" / "init" / "02_demo.sql").read_text(encoding="utf-8")
    assert oracle_demo_sql(date(2025, 6, 30)) in init
    shipped = yaml.safe_load((ROOT / "deploy" / "oracle" / "templates.yaml").read_text(encoding="utf-8"))
    generated, dropped = oracle_templates()
    assert shipped["templates"] == generated and not dropped
    for template in shipped["templates"]:
        parse_read_only(template["sql_text"], "oracle")
        assert " LIMIT " not in template["sql_text"].upper()


def test_the_schema_check_catches_a_broken_file() -> None:
    schema = json.loads((ROOT / "tests" / "support" / "compose-spec.json").read_text(encoding="utf-8"))
    broken = {"services": {"text2sql": {"image": "x", "healthcheck": {"interval": 30, "tets": ["CMD"]}}}}
    assert list(jsonschema.Draft201909Validator(schema).iter_errors(broken))
