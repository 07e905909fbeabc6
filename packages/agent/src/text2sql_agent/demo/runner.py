"""`text2sql demo`: a Korean sample database, ~40 templates indexed through the pipeline, and answers — with no
LLM and no servers."""

from __future__ import annotations

from pathlib import Path

from text2sql_agent.demo.database import create_demo_database
from text2sql_core.connection import ConnectionSettings
from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import OracleSettings, UnifiedSettings
from text2sql_pipeline import IndexSummary, index_template_files, index_values, template_store

__all__ = ["DEMO_DICTIONARY", "DEMO_QUESTIONS", "DEMO_TEMPLATES", "prepare_demo"]

HERE = Path(__file__).parent
DEMO_TEMPLATES = HERE / "templates.yaml"
DEMO_DICTIONARY = HERE / "dictionary.yaml"
DEMO_QUESTIONS = [
    "부서별 직원 수를 알려줘",
    "연봉이 제일 높은 직원 5명은?",
    "서울에 사는 고객 목록 보여줘",
    "Total sales by region",
]


def demo_settings(settings: UnifiedSettings) -> UnifiedSettings:
    """The demo always runs on its own SQLite file, whatever databases are configured."""
    url = settings.demo_database_url
    return settings.model_copy(update={
        "oracle": OracleSettings(schema=ConnectionSettings(url=url), oltp=ConnectionSettings(url=url)),
        "dictionary_path": settings.dictionary_path or DEMO_DICTIONARY,
        "default_datasource": "default",
        "datasources": {},
        "demo": True,
    })


def prepare_demo(settings: UnifiedSettings, rebuild: bool = False) -> tuple[UnifiedSettings, IndexSummary]:
    settings = demo_settings(settings)
    database = settings.data_dir / "demo.db"
    if rebuild or not database.exists():
        create_demo_database(database)
    store = template_store(settings)
    summary = index_template_files([DEMO_TEMPLATES], store, datasource="default", dialect="sqlite")
    if summary.templates == 0:
        reasons = "; ".join(str(s) for s in summary.skipped[:3])
        raise ConfigurationError(f"The demo templates could not be indexed: {reasons}", code="DEMO_BROKEN")
    if settings.values.enabled:
        # The database's own values (재무팀, 부산 …): Phase 1 fills and checks a question's values against them,
        # so a demo question naming a department no template example used is still answered from its value.
        index_values(settings, "default")
    return settings, summary
