"""`text2sql ask`, `text2sql demo`, `text2sql eval spider`: registered on the one `text2sql` command.

Only typer and rich are imported here: the agent (LangGraph, Milvus, the models) is imported inside the command
that runs. `text2sql ask` starts Milvus, the embedding model and Kiwi in the background first (`text2sql.warmup`,
run by the `text2sql` command before this module is imported).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from text2sql_agent.agent import Text2SQLAgent

__all__ = ["ask_command", "demo_command", "eval_app", "register"]

console = Console()
err_console = Console(stderr=True, soft_wrap=True)
eval_app = typer.Typer(help="Evaluate on a benchmark.", no_args_is_help=True)


def ask_command(
    question: Annotated[str, typer.Argument(help="The question, in Korean or English")],
    datasource: Annotated[str | None, typer.Option(help="Datasource to answer on")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON")] = False,
    sql_only: Annotated[bool, typer.Option("--sql-only", help="Validate the SQL but do not run it")] = False,
    thread: Annotated[str | None, typer.Option(help="Conversation id, for follow-up questions")] = None,
) -> None:
    """Answer one question. 질문 하나에 답합니다."""
    from text2sql_core.errors import Text2SQLError
    from text2sql_core.settings import UnifiedSettings

    settings = None
    try:
        from text2sql_agent.agent import Text2SQLAgent

        settings = UnifiedSettings()
        agent = Text2SQLAgent(settings)
        answer = agent.ask(question, datasource=datasource, thread_id=thread, execute=not sql_only)
    except Text2SQLError as err:
        cause = _database_cause(settings, datasource, err.code, err) if settings else None
        _print_error(cause or err)
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(answer.model_dump_json() + "\n")  # pydantic writes UTF-8: Korean stays readable
    else:
        from text2sql_agent.render import print_answer

        print_answer(console, answer)
    if answer.error:
        cause = _database_cause(settings, answer.datasource, answer.model_dump_json(include={"error", "steps"}))
        if cause is not None:  # the agent saw "no schema" or "query failed"; the real cause is a database down
            _print_error(cause)
            raise typer.Exit(2)
        raise typer.Exit(1)


# Codes meaning "a database call failed", and which connection to probe for the real cause.
_DATABASE_CODES = {"SCHEMA_READ_FAILED": "schema", "SCHEMA_DB_UNREACHABLE": "schema", "SCHEMA_ERROR": "schema",
                   "DATABASE_UNREACHABLE": "oltp", "DATABASE_ERROR": "oltp"}


def _database_cause(settings: Any, datasource: str | None, text: str, err: BaseException | None = None) -> Any:
    """`DATABASE_UNREACHABLE` naming the datasource's variables when a failed database call was a server that is
    not there (the agent reports what failed; one connection attempt here tells why)."""
    from text2sql_core.db.connect import connection_factory
    from text2sql_pipeline.unreachable import as_unreachable

    ds = datasource or settings.default_datasource
    for kind in dict.fromkeys(kind for code, kind in _DATABASE_CODES.items() if code in text):
        if err is not None and (found := as_unreachable(err, settings, kind, ds)):
            return found
        try:
            connection_factory(settings.connection(kind, ds))().close()
        except Exception as probe_error:
            if found := as_unreachable(probe_error, settings, kind, ds):
                return found
    return None


def _print_error(err: Any) -> None:
    from rich.markup import escape

    err_console.print(f"[red]error[/red] {escape(f'[{err.code}] {err.message}')}", highlight=False)


def demo_command(
    question: Annotated[list[str] | None, typer.Option("--question", "-q", help="Question(s) to answer")] = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Recreate the sample database")] = False,
    interactive: Annotated[bool | None, typer.Option(help="Keep asking after the sample questions")] = None,
) -> None:
    """Run on a Korean sample database with no LLM and no servers. 서버·LLM 없이 샘플 DB로 실행합니다."""
    from text2sql_agent.agent import Text2SQLAgent
    from text2sql_agent.demo.runner import DEMO_QUESTIONS, prepare_demo
    from text2sql_agent.render import print_answer
    from text2sql_core.errors import Text2SQLError
    from text2sql_core.settings import UnifiedSettings

    try:
        settings, summary = prepare_demo(UnifiedSettings(), rebuild=rebuild)
        console.print(f"[dim]demo: {settings.data_dir / 'demo.db'}; templates: {summary.templates} "
                      f"(indexed {summary.indexed}, unchanged {summary.unchanged})[/dim]")
        agent = Text2SQLAgent(settings)
        failures = 0
        for text in question or DEMO_QUESTIONS:
            answer = agent.ask(text)
            print_answer(console, answer)
            console.print()
            failures += answer.error is not None
        if interactive if interactive is not None else (not question and sys.stdin.isatty()):
            _interactive(agent)
    except Text2SQLError as err:
        _print_error(err)
        raise typer.Exit(2) from None
    if question and failures == len(question):
        raise typer.Exit(1)


def _interactive(agent: Text2SQLAgent) -> None:
    from text2sql_agent.render import print_answer

    console.print("[bold]질문을 입력하세요 (빈 줄이면 종료) / ask a question (empty line to quit)[/bold]")
    thread = "demo-interactive"
    while True:
        try:
            text = input("> ").strip()
        except EOFError:
            break
        if not text:
            break
        print_answer(console, agent.ask(text, thread_id=thread))


@eval_app.command("spider")
def eval_spider_command(
    questions: Annotated[Path, typer.Option(help="Spider-format questions JSON")],
    tables: Annotated[Path, typer.Option(help="Spider tables.json")],
    out: Annotated[Path, typer.Option(help="Output folder (results.jsonl, metrics.json)")],
    llm: Annotated[bool, typer.Option("--llm", help="Use the configured LLM")] = False,
    fit_calibration: Annotated[Path | None, typer.Option(help="Fit the Phase 1 confidence on this run; write JSON")]
    = None,
) -> None:
    """Template-reuse evaluation on a Spider-format file (protocol in docs/evaluation.md)."""
    from rich.progress import Progress

    from text2sql_agent.evaluation.spider import fit_from_run, run_spider_eval

    with Progress(console=err_console, transient=True) as bar:
        task = bar.add_task("evaluating", total=None)
        run = run_spider_eval(questions, tables, out, use_llm=llm,
                              progress=lambda done, total: bar.update(task, completed=done, total=total))
    typer.echo(json.dumps(run.metrics, ensure_ascii=False))
    if fit_calibration is not None:
        calibration, check = fit_from_run(run, fitted_on=str(questions.name))
        calibration.save(fit_calibration)
        err_console.print(f"calibration written to {fit_calibration}; leave-databases-out check: {check}",
                          markup=False)


def register(app: typer.Typer) -> None:
    app.command("ask")(ask_command)
    app.command("demo")(demo_command)
    from text2sql_agent.server.cli import serve_command

    app.command("serve")(serve_command)
    from text2sql_agent.ui.cli import templates_app, users_app

    app.add_typer(templates_app, name="templates")
    app.add_typer(users_app, name="users")
    app.add_typer(eval_app, name="eval")
