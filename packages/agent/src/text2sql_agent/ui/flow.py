"""What the chat does with a question, apart from Chainlit: stream the steps, compose the reply (markdown, table,
CSV, chart, suggestions) and remember the answer for feedback. The Chainlit app is a thin `ChatSink` over it."""

from __future__ import annotations

import csv
import hashlib
import io
import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol

from text2sql_agent.agent import Text2SQLAgent
from text2sql_agent.answer import Answer, Step, Suggestion
from text2sql_agent.nodes.common import has_hangul
from text2sql_agent.progress import describe_step, step_title
from text2sql_agent.ui.charts import plotly_figure
from text2sql_agent.ui.feedback import FeedbackStore
from text2sql_agent.ui.texts import text

__all__ = ["ChatOptions", "ChatSink", "Reply", "chat_thread_id", "compose_reply", "handle_question", "result_csv"]


@dataclass(frozen=True)
class ChatOptions:
    datasource: str | None = None
    sql_only: bool = False
    max_rows: int | None = None


@dataclass
class Reply:
    answer: Answer
    korean: bool
    markdown: str
    csv: bytes | None = None
    chart: Any | None = None
    suggestions: list[Suggestion] = field(default_factory=list)


class ChatSink(Protocol):
    async def step(self, step: Step, title: str, body: str) -> None: ...

    async def reply(self, reply: Reply) -> list[str]:
        """Show the reply; return the ids feedback on it may refer to (the message, and the turn it belongs to)."""
        ...


def chat_thread_id(user: str | None) -> str:
    """A new conversation's thread, under its user: the id is made here, never taken from the browser, and the
    user's digest in front keeps chat threads apart from each other's and from A2A callers' (`a2a:` threads)."""
    owner = hashlib.sha256((user or "anonymous").encode()).hexdigest()[:16]
    return f"chat:{owner}:{uuid.uuid4().hex}"


def result_csv(answer: Answer) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(answer.columns)
    writer.writerows(answer.rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel read Korean text


def _header(answer: Answer, korean: bool) -> str:
    parts = [f"**{text(answer.phase or 'phase1', korean)}**",
             f"{text('confidence', korean)} {answer.confidence:.2f}" if answer.phase == "phase1" else ""]
    if answer.template_id:
        parts.append(f"{text('template', korean)} `{answer.template_id}`")
    return " · ".join(p for p in parts if p)


def compose_reply(answer: Answer, executed: bool = True) -> Reply:
    korean = has_hangul(answer.question)
    lines: list[str] = []
    if answer.sql:
        lines += [_header(answer, korean), "", f"```sql\n{answer.sql_inlined or answer.sql}\n```"]
    if answer.error:
        lines += ["", f"⚠️ {answer.error.get('message', '')}"]
        if answer.suggestions:
            lines += ["", text("suggestions", korean)]
        return Reply(answer, korean, "\n".join(lines).strip(), suggestions=answer.suggestions[:3])
    if not executed:
        lines += ["", text("sql_only", korean)]
    elif not answer.rows:
        lines += ["", text("no_rows", korean)]
    elif answer.truncated:
        lines += ["", text("truncated", korean, n=len(answer.rows))]
    if answer.summary:
        lines += ["", answer.summary]
    has_rows = executed and bool(answer.rows)
    return Reply(answer, korean, "\n".join(lines).strip(), csv=result_csv(answer) if has_rows else None,
                 chart=plotly_figure(answer.columns, answer.rows) if has_rows else None)


async def handle_question(agent: Text2SQLAgent, question: str, options: ChatOptions, thread_id: str,
                          sink: ChatSink, feedback: FeedbackStore | None = None, user: str | None = None) -> Answer:
    korean = has_hangul(question)
    answer: Answer | None = None
    async for item in agent.astream(question, datasource=options.datasource, thread_id=thread_id,
                                    execute=not options.sql_only, max_rows=options.max_rows):
        if isinstance(item, Step):
            await sink.step(item, step_title(item.name, korean), describe_step(item, korean))
        else:
            answer = item
    assert answer is not None  # the stream always ends with the Answer
    feedback_ids = await sink.reply(compose_reply(answer, executed=not options.sql_only))
    if feedback is not None:
        dialect = agent.settings.dialect_for(answer.datasource)
        for feedback_id in feedback_ids:
            feedback.remember(feedback_id, answer, dialect, user)
    return answer
