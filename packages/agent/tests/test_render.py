"""print_answer prints texts from users, databases and LLMs as they are: rich markup in them is never read."""

from __future__ import annotations

from rich.console import Console

from text2sql_agent.answer import Answer, Suggestion
from text2sql_agent.render import print_answer
from text2sql_core.models.errors import ErrorInfo

MARKUP = "[/x] 부서별 [red]직원[/red] 수"


def _printed(answer: Answer) -> str:
    console = Console(record=True, width=200, color_system=None)
    print_answer(console, answer)
    return console.export_text()


def test_an_answer_with_markup_everywhere_prints_it_literally() -> None:
    answer = Answer(question=MARKUP, sql="SELECT '[/b]' AS x FROM dual", phase="phase1", confidence=0.9,
                    template_id="t[/i]", columns=["[/c]"], rows=[["[bold]v[/bold]"]], summary="[/s] 요약")
    text = _printed(answer)
    for literal in (MARKUP, "t[/i]", "[/c]", "[bold]v[/bold]", "[/s] 요약", "'[/b]'"):
        assert literal in text, literal


def test_a_no_answer_with_markup_prints_it_literally() -> None:
    answer = Answer(question=MARKUP, error=ErrorInfo(code="NO_MATCH", message="[/m] 답할 수 없습니다",
                                                      remedy="[/r] 다시 물어보세요"),
                    suggestions=[Suggestion(template_id="a", description="[/d] 부서별", score=0.5)])
    text = _printed(answer)
    for literal in (MARKUP, "[/m] 답할 수 없습니다", "[/r] 다시 물어보세요", "[/d] 부서별"):
        assert literal in text, literal
