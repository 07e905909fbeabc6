"""Printing an `Answer` in the terminal: SQL, phase, confidence, a result table, or the no-answer message."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.syntax import Syntax
from rich.table import Table

from text2sql_agent.answer import Answer

__all__ = ["print_answer"]


def print_answer(console: Console, answer: Answer, max_rows: int = 20) -> None:
    # Every text that comes from a user, the database or an LLM is escaped: rich reads "[/x]" or "[red]" in it
    # as markup, and a closing tag without its opening one raises instead of printing the answer.
    console.print(f"[bold]질문 / question:[/bold] {escape(answer.question)}")
    if answer.error and not answer.sql:
        console.print(f"[yellow]{escape(answer.error.message)}[/yellow]")
        if answer.error.remedy and answer.error.remedy not in answer.error.message:
            console.print(f"[dim]→ {escape(answer.error.remedy)}[/dim]")
        for suggestion in answer.suggestions:
            console.print(f"  • {escape(suggestion.description)}  [dim]({suggestion.score:.2f})[/dim]")
        return
    phase = {"phase1": "Phase 1 (template)", "phase2": "Phase 2 (LLM)"}.get(answer.phase or "", "-")
    console.print(f"[bold]phase:[/bold] {phase}   [bold]confidence:[/bold] {answer.confidence:.2f}"
                  + (f"   [bold]template:[/bold] {escape(answer.template_id)}" if answer.template_id else ""))
    console.print(Syntax(answer.sql_inlined or answer.sql or "", "sql", word_wrap=True))
    if answer.error:
        console.print(f"[red]{escape(answer.error.message)}[/red]")
        return
    if answer.columns:
        table = Table(*[escape(str(c)) for c in answer.columns], show_lines=False)
        for row in answer.rows[:max_rows]:
            table.add_row(*["" if v is None else escape(str(v)) for v in row])
        console.print(table)
        shown = min(len(answer.rows), max_rows)
        more = " (truncated at the row limit)" if answer.truncated else ""
        console.print(f"[dim]{shown} of {len(answer.rows)} rows shown{more}[/dim]")
    if answer.summary:
        console.print(f"[bold]요약 / summary:[/bold] {escape(answer.summary)}")
