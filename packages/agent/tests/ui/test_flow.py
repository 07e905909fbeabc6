"""The chat's message flow with a fake agent and a recording sink (no Chainlit, no browser)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from text2sql_agent.answer import Answer, Step, Suggestion
from text2sql_agent.ui.feedback import FeedbackStore
from text2sql_agent.ui.flow import ChatOptions, Reply, chat_thread_id, compose_reply, handle_question
from text2sql_core.settings import UnifiedSettings


class FakeAgent:
    def __init__(self, answer: Answer, steps: list[Step]):
        self.answer, self.steps, self.calls = answer, steps, []
        # A configured (never opened) database: the flow only asks it for the dialect.
        self.settings = UnifiedSettings(_env_file=None, datasources={"default": {"oltp_url": "sqlite:///unused.db"}})

    async def astream(self, question: str, **options: Any) -> AsyncIterator[Step | Answer]:
        self.calls.append((question, options))
        for step in self.steps:
            yield step
        yield self.answer


class Sink:
    def __init__(self) -> None:
        self.steps: list[tuple[str, str]] = []
        self.replies: list[Reply] = []

    async def step(self, step: Step, title: str, body: str) -> None:
        self.steps.append((title, body))

    async def reply(self, reply: Reply) -> list[str]:
        self.replies.append(reply)
        return [f"msg-{len(self.replies)}", f"run-{len(self.replies)}"]


STEPS = [Step(name="retrieval", detail={"templates": [{"id": "t1", "description": "부서별 직원 수", "score": 0.91}]}),
         Step(name="phase1", detail={"description": "부서별 직원 수", "confidence": 0.83}),
         Step(name="execution", detail={"rows": 2, "truncated": False, "elapsed_ms": 3.2})]
DEPT = Answer(question="부서별 직원 수를 알려줘", sql="SELECT d, COUNT(*) FROM e GROUP BY d", phase="phase1",
              template_id="t1", confidence=0.83, columns=["dept", "n"], rows=[["개발팀", 15], ["인사팀", 6]],
              summary="2개 행을 찾았습니다.")


async def test_steps_stream_then_the_reply_with_sql_table_csv_and_chart(tmp_path: Path) -> None:
    agent, sink, store = FakeAgent(DEPT, STEPS), Sink(), FeedbackStore(tmp_path / "f.sqlite")
    options = ChatOptions(datasource="default", sql_only=False, max_rows=50)
    await handle_question(agent, DEPT.question, options, "thread-1", sink, store, user="kim")  # type: ignore[arg-type]
    assert agent.calls == [(DEPT.question, {"datasource": "default", "thread_id": "thread-1", "execute": True,
                                            "max_rows": 50})]
    assert [t for t, _ in sink.steps] == ["템플릿 검색", "Phase 1: 템플릿 채우기", "실행"]
    assert "부서별 직원 수 (0.91)" in sink.steps[0][1] and "2행" in sink.steps[2][1]
    reply = sink.replies[0]
    assert "```sql\nSELECT d, COUNT(*) FROM e GROUP BY d\n```" in reply.markdown
    assert "Phase 1" in reply.markdown and "신뢰도 0.83" in reply.markdown and "`t1`" in reply.markdown
    assert reply.csv is not None and reply.csv.decode("utf-8-sig").splitlines() == ["dept,n", "개발팀,15", "인사팀,6"]
    assert reply.chart is not None and reply.chart.data[0].type == "bar"
    assert store.record("run-1", 1) is not None and store.candidates()[0].question == DEPT.question


async def test_no_answer_offers_three_clickable_suggestions_and_no_table() -> None:
    suggestions = [Suggestion(template_id=f"t{i}", description=f"설명 {i}", score=0.5, example_question=f"질문 {i}")
                   for i in range(3)]
    answer = Answer(question="화성의 날씨는?", error={"code": "NO_CONFIDENT_ANSWER", "message": "LLM이 필요합니다"},
                    suggestions=suggestions)
    sink = Sink()
    await handle_question(FakeAgent(answer, []), answer.question, ChatOptions(), "t", sink)  # type: ignore[arg-type]
    reply = sink.replies[0]
    assert "LLM이 필요합니다" in reply.markdown and "가장 가까운 템플릿" in reply.markdown
    assert [s.example_question for s in reply.suggestions] == ["질문 0", "질문 1", "질문 2"]
    assert reply.csv is None and reply.chart is None


def test_english_question_gets_english_words_and_truncation_is_said() -> None:
    answer = Answer(question="Total sales by region", sql="SELECT 1", phase="phase2", columns=["region", "total"],
                    rows=[["north", 1.5], ["south", 2.5]], truncated=True)
    reply = compose_reply(answer)
    assert "Phase 2 (LLM-written)" in reply.markdown and "cut at 2 rows" in reply.markdown


def test_sql_only_shows_sql_without_result() -> None:
    reply = compose_reply(DEPT.model_copy(update={"rows": [], "columns": []}), executed=False)
    assert "SQL만 생성했습니다" in reply.markdown and reply.csv is None


def test_chat_threads_are_new_per_conversation_and_kept_under_their_user() -> None:
    kim, kim_again, lee = chat_thread_id("kim"), chat_thread_id("kim"), chat_thread_id("lee")
    assert kim != kim_again and kim.split(":")[:2] == kim_again.split(":")[:2]
    assert lee.split(":")[1] != kim.split(":")[1] and "kim" not in kim
    assert chat_thread_id(None).startswith("chat:") and not kim.startswith("a2a:")
