"""`text2sql templates review` (feedback candidates → the index, after a person says so) and `text2sql users add`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from text2sql_agent.ui.feedback import FeedbackStore
from text2sql_core.errors import Text2SQLError
from text2sql_core.settings import UnifiedSettings

__all__ = ["templates_app", "users_app"]

templates_app = typer.Typer(help="Template candidates from chat feedback. 채팅 피드백 후보 템플릿.",
                            no_args_is_help=True)
users_app = typer.Typer(help="Chat logins. 채팅 로그인 사용자.", no_args_is_help=True)
console = Console()


def _list(store: FeedbackStore, misses: bool) -> None:
    rows = store.misses() if misses else store.candidates()
    title = "Misses (👎) / 오답" if misses else "Candidates (👍) awaiting review / 검토 대기 후보"
    table = Table(title=title, show_lines=True)
    for column in ("id", "question", "sql", "datasource", "phase", "user", "created"):
        table.add_column(column, overflow="fold")
    for c in rows:
        table.add_row(c.id, c.question, c.sql or "", c.datasource, c.phase or "", c.user or "", c.created_at)
    console.print(table)
    if not rows:
        console.print("none / 없음")


@templates_app.command("review")
def review_command(
    approve: Annotated[list[str] | None, typer.Option(help="Index this candidate (repeatable)")] = None,
    reject: Annotated[list[str] | None, typer.Option(help="Drop this candidate (repeatable)")] = None,
    misses: Annotated[bool, typer.Option("--misses", help="List questions rated 👎 instead")] = False,
) -> None:
    """List candidates; --approve ID indexes one through the pipeline, --reject ID drops it."""
    from text2sql_agent.ui.review import approve as approve_candidate
    from text2sql_agent.ui.review import reject as reject_candidate

    settings = UnifiedSettings()
    try:
        store = FeedbackStore.from_settings(settings)
        for feedback_id in approve or []:
            summary = approve_candidate(settings, store, feedback_id)
            console.print(f"approved {feedback_id}: indexed {summary.indexed}, merged into an existing template "
                          f"{summary.unchanged + summary.duplicates}")
        for feedback_id in reject or []:
            reject_candidate(store, feedback_id)
            console.print(f"rejected {feedback_id}")
        if not approve and not reject:
            _list(store, misses)
    except Text2SQLError as err:
        console.print(f"[red]error[/red] [{err.code}] {err.message}")
        raise typer.Exit(2) from None


@users_app.command("add")
def add_user_command(
    name: Annotated[str, typer.Argument(help="Login name")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
) -> None:
    """Print a hashed entry for TEXT2SQL_UI__USERS or TEXT2SQL_UI__USERS_FILE (the password is not stored)."""
    from text2sql_agent.ui.users import user_entry

    typer.echo(user_entry(name, password))
