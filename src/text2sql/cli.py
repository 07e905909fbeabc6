"""The one `text2sql` command: indexing (pipeline) and asking, demo, eval (agent)."""

from __future__ import annotations

import logging
import os

import typer

from text2sql_pipeline.cli import index_command, index_schema_command

__all__ = ["app", "main"]

app = typer.Typer(
    name="text2sql",
    help="Korean-first natural-language-to-SQL. 자연어 질문을 검증된 읽기 전용 SQL로 바꿉니다.",
    no_args_is_help=True,
    add_completion=False,
)
app.command("index")(index_command)
app.command("index-schema")(index_schema_command)


def _register_agent_commands() -> None:
    try:
        from text2sql_agent.cli import register
    except ImportError:  # the agent package arrives in its own issue
        return
    register(app)


_register_agent_commands()


def main() -> None:
    logging.basicConfig(level=os.environ.get("TEXT2SQL_LOG_LEVEL", "WARNING").upper(),
                        format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()
