"""The public agent card: who text2sql is, what it can do (skills) and how to call it (interfaces, auth)."""

from __future__ import annotations

from a2a.types import (
    AgentCapabilities,
    AgentCard,
    AgentInterface,
    AgentProvider,
    AgentSkill,
    APIKeySecurityScheme,
    HTTPAuthSecurityScheme,
    SecurityRequirement,
    SecurityScheme,
    StringList,
)

from text2sql_core.settings import UnifiedSettings

__all__ = ["A2A_PATH", "API_KEY_HEADER", "build_agent_card"]

A2A_PATH = "/a2a"
API_KEY_HEADER = "X-API-Key"
VERSION = "0.1.0"

DESCRIPTION = (
    "Korean-first natural-language-to-SQL over the company's databases. A question in Korean or English becomes "
    "a validated, read-only SQL query and its result. / 한국어·영어 질문을 검증된 읽기 전용 SQL과 그 결과로 "
    "바꿉니다. Optional data part: {\"datasource\": str, \"execute\": bool, \"max_rows\": int}."
)


def _skills() -> list[AgentSkill]:
    return [
        AgentSkill(
            id="text-to-sql",
            name="Text to SQL (run) / 질문 → SQL 실행",
            description=("A question → validated read-only SQL, run on the OLTP database with a row cap; artifacts: "
                         "sql (text), result (data: columns, rows, truncated), summary (text). / 질문을 SQL로 바꿔 "
                         "실행하고 SQL, 결과, 요약을 돌려줍니다."),
            tags=["sql", "text-to-sql", "oracle", "korean", "analytics"],
            examples=["부서별 직원 수를 알려줘", "지난달 지역별 매출 합계는?", "Total sales by region",
                      "Top 5 employees by salary"],
            input_modes=["text/plain", "application/json"],
            output_modes=["text/plain", "application/json"],
        ),
        AgentSkill(
            id="sql-only",
            name="SQL only (not run) / SQL만 생성",
            description=("A question → validated read-only SQL, not run. Send a data part {\"execute\": false}. / "
                         "SQL을 실행하지 않고 검증된 SQL만 돌려줍니다 (data part에 \"execute\": false)."),
            tags=["sql", "text-to-sql", "sql-only"],
            examples=["서울에 사는 고객 목록을 뽑는 SQL만 알려줘", "SQL for the number of orders per customer"],
            input_modes=["text/plain", "application/json"],
            output_modes=["text/plain"],
        ),
    ]


def _security(settings: UnifiedSettings) -> tuple[dict[str, SecurityScheme], list[SecurityRequirement]]:
    if settings.server.auth_disabled:
        return {}, []
    schemes = {
        "bearer": SecurityScheme(http_auth_security_scheme=HTTPAuthSecurityScheme(
            scheme="Bearer", description="An API key from TEXT2SQL_SERVER__API_KEYS as a bearer token.")),
        "apiKey": SecurityScheme(api_key_security_scheme=APIKeySecurityScheme(
            location="header", name=API_KEY_HEADER, description="An API key from TEXT2SQL_SERVER__API_KEYS.")),
    }
    # Either scheme is enough: one requirement per scheme.
    requirements = [SecurityRequirement(schemes={name: StringList()}) for name in schemes]
    return schemes, requirements


def build_agent_card(settings: UnifiedSettings, base_url: str | None = None) -> AgentCard:
    server = settings.server
    root = (base_url or server.public_url or f"http://{server.host}:{server.port}").rstrip("/")
    schemes, requirements = _security(settings)
    return AgentCard(
        name="text2sql",
        description=DESCRIPTION,
        version=VERSION,
        provider=AgentProvider(organization="text2sql", url=root),
        supported_interfaces=[
            AgentInterface(url=f"{root}{A2A_PATH}", protocol_binding="JSONRPC", protocol_version="1.0"),
            AgentInterface(url=f"{root}{A2A_PATH}", protocol_binding="HTTP+JSON", protocol_version="1.0"),
        ],
        capabilities=AgentCapabilities(streaming=True, push_notifications=False),
        default_input_modes=["text/plain", "application/json"],
        default_output_modes=["text/plain", "application/json"],
        skills=_skills(),
        security_schemes=schemes,
        security_requirements=requirements,
    )
