"""Printing an `Answer` in the terminal: SQL, phase, confidence, a result table, or the no-answer message."""

from __future__ import annotations

from rich.console import Console
from rich.syntax import Syntax
from rich.table import Table

from text2sql_agent.answer import Answer

__all__ = ["print_answer"]


def print_answer(console: Console, answer: Answer, max_rows: int = 20) -> None:
    console.print(f"[bold]질문 / question:[/bold] {answer.question}")
    if answer.error and not answer.sql:
        console.print(f"[yellow]{answer.error.message}[/yellow]")
        if answer.error.remedy and answer.error.remedy not in answer.error.message:
            console.print(f"[dim]→ {answer.error.remedy}[/dim]")
        for suggestion in answer.suggestions:
            console.print(f"  • {suggestion.description}  [dim]({suggestion.score:.2f})[/dim]")
        return
    phase = {"phase1": "Phase 1 (template)", "phase2": "Phase 2 (LLM)"}.get(answer.phase or "", "-")
    console.print(f"[bold]phase:[/bold] {phase}   [bold]confidence:[/bold] {answer.confidence:.2f}"
                  + (f"   [bold]template:[/bold] {answer.template_id}" if answer.template_id else ""))
    console.print(Syntax(answer.sql_inlined or answer.sql or "", "sql", word_wrap=True))
    if answer.error:
        console.print(f"[red]{answer.error.message}[/red]")
        return
    if answer.columns:
        table = Table(*answer.columns, show_lines=False)
        for row in answer.rows[:max_rows]:
            table.add_row(*["" if v is None else str(v) for v in row])
        console.print(table)
        shown = min(len(answer.rows), max_rows)
        more = " (truncated at the row limit)" if answer.truncated else ""
        console.print(f"[dim]{shown} of {len(answer.rows)} rows shown{more}[/dim]")
    if answer.summary:
        console.print(f"[bold]요약 / summary:[/bold] {answer.summary}")
