"""The one `text2sql` command: indexing (pipeline) and asking, demo, serving, eval (agent).

Commands are declared here and imported only when they run (`text2sql.lazy`), so `text2sql --help` answers at
once and `text2sql ask` pays only for what answering needs.
"""

from __future__ import annotations

import os
from typing import ClassVar

import typer

from text2sql.lazy import LazyCommand, LazyGroup

__all__ = ["COMMANDS", "app", "main"]

COMMANDS = (
    LazyCommand("index", "text2sql_pipeline.cli", "index_command",
                "Index SQL templates from files or from Oracle SQL history. "
                "템플릿 파일 또는 오라클 SQL 이력을 색인합니다."),
    LazyCommand("index-schema", "text2sql_pipeline.cli", "index_schema_command",
                "Index one document per table for Phase 2 schema retrieval, and the columns' values for Phase 1."),
    LazyCommand("ask", "text2sql_agent.cli", "ask_command", "Answer one question. 질문 하나에 답합니다.",
                prepare="text2sql.warmup:start_for_ask"),
    LazyCommand("demo", "text2sql_agent.cli", "demo_command",
                "Run on a Korean sample database with no LLM and no servers. 서버·LLM 없이 샘플 DB로 실행합니다."),
    LazyCommand("serve", "text2sql_agent.server.cli", "serve_command",
                "Serve A2A (/a2a), the agent card, /healthz, /readyz and the chat (/chat). "
                "A2A 서버와 채팅을 띄웁니다."),
    LazyCommand("templates", "text2sql_agent.ui.cli", "templates_app",
                "Template candidates from chat feedback. 채팅 피드백 후보 템플릿."),
    LazyCommand("users", "text2sql_agent.ui.cli", "users_app", "Chat logins. 채팅 로그인 사용자."),
    LazyCommand("eval", "text2sql_agent.cli", "eval_app", "Evaluate on a benchmark."),
)


class Text2SQLGroup(LazyGroup):
    lazy: ClassVar[dict[str, LazyCommand]] = {command.name: command for command in COMMANDS}


app = typer.Typer(
    name="text2sql",
    help="Korean-first natural-language-to-SQL. 자연어 질문을 검증된 읽기 전용 SQL로 바꿉니다.",
    cls=Text2SQLGroup,
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Korean-first natural-language-to-SQL. 자연어 질문을 검증된 읽기 전용 SQL로 바꿉니다."""


def main() -> None:
    from text2sql_core.logconfig import configure_logging

    # A command line says only what went wrong unless asked for more (the server's default is INFO).
    configure_logging(os.environ.get("TEXT2SQL_LOG_LEVEL", "WARNING"))
    os.environ.setdefault("GRPC_VERBOSITY", "ERROR")  # gRPC's C core writes to stderr by itself
    from pydantic import ValidationError

    try:
        app()
    except ValidationError as err:  # settings read from TEXT2SQL_ variables: say which, never a traceback
        from text2sql_core.invalid_settings import invalid_settings_lines

        for line in invalid_settings_lines(err):
            typer.echo(f"error [CONFIGURATION_ERROR] {line}", err=True)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
