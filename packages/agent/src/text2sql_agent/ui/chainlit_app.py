"""The Chainlit app, loaded by `mount_chainlit` inside `text2sql serve`: a thin `ChatSink` over `flow.py`."""

from __future__ import annotations

from typing import Any

import chainlit as cl
import pandas as pd
from chainlit.input_widget import NumberInput, Select, Switch

from text2sql_agent.answer import Step
from text2sql_agent.ui.datalayer import FeedbackDataLayer
from text2sql_agent.ui.flow import ChatOptions, Reply, chat_thread_id, handle_question
from text2sql_agent.ui.runtime import runtime
from text2sql_agent.ui.starters import starter_questions
from text2sql_agent.ui.texts import text
from text2sql_agent.ui.users import verify_password

RUNTIME = runtime()


class ChainlitSink:
    async def step(self, step: Step, title: str, body: str) -> None:
        async with cl.Step(name=title, type="tool", show_input=False) as shown:
            shown.output = body
            if step.status == "failed":
                shown.is_error = True

    async def reply(self, reply: Reply) -> list[str]:
        answer = reply.answer
        elements: list[Any] = []
        if reply.csv is not None:
            frame = pd.DataFrame(answer.rows, columns=answer.columns)
            elements.append(cl.Dataframe(data=frame, display="inline", name=text("table", reply.korean)))
            elements.append(cl.File(name="result.csv", content=reply.csv, mime="text/csv", display="inline"))
        if reply.chart is not None:
            elements.append(cl.Plotly(name=text("chart", reply.korean), figure=reply.chart, display="inline"))
        actions = [cl.Action(name="ask_suggestion", label=s.description,
                             payload={"question": s.example_question or s.description}) for s in reply.suggestions]
        message = cl.Message(content=reply.markdown, elements=elements, actions=actions)
        await message.send()
        # Chainlit puts the thumbs on the turn (the run step the message belongs to), not on the message itself.
        return [message.id, *([message.parent_id] if message.parent_id else [])]


if RUNTIME.login_required:
    @cl.password_auth_callback
    def login(username: str, password: str) -> cl.User | None:
        encoded = RUNTIME.users.get(username)
        if encoded is None or not verify_password(password, encoded):
            return None
        return cl.User(identifier=username, metadata={"provider": "credentials"})


@cl.data_layer
def data_layer() -> FeedbackDataLayer:
    return FeedbackDataLayer(RUNTIME.feedback)


@cl.set_starters
async def starters(user: cl.User | None = None, language: str | None = None) -> list[cl.Starter]:
    datasource = RUNTIME.settings.default_datasource
    return [cl.Starter(label=q, message=q) for q in starter_questions(RUNTIME.agent, datasource)]


def _options() -> ChatOptions:
    return cl.user_session.get("options") or ChatOptions()


@cl.on_chat_start
async def start() -> None:
    user = cl.user_session.get("user")
    cl.user_session.set("thread_id", chat_thread_id(user.identifier if user else None))
    settings = RUNTIME.settings
    names = settings.datasource_names()
    await cl.ChatSettings([
        Select(id="datasource", label="데이터소스 / Datasource", values=names, initial_index=0),
        Switch(id="sql_only", label="SQL만 (실행 안 함) / SQL only (do not run)", initial=False),
        NumberInput(id="max_rows", label="최대 행 수 / Max rows", initial=min(200, settings.security.max_rows)),
    ]).send()
    cl.user_session.set("options", ChatOptions(names[0], False, min(200, settings.security.max_rows)))


@cl.on_settings_update
async def settings_update(values: dict[str, Any]) -> None:
    cap = RUNTIME.settings.security.max_rows
    rows = int(values.get("max_rows") or cap)
    cl.user_session.set("options", ChatOptions(values.get("datasource"), bool(values.get("sql_only")),
                                               max(1, min(rows, cap))))


async def _ask(question: str) -> None:
    user = cl.user_session.get("user")
    await handle_question(RUNTIME.agent, question, _options(), cl.user_session.get("thread_id"), ChainlitSink(),
                          RUNTIME.feedback, user.identifier if user else None)


@cl.on_message
async def on_message(message: cl.Message) -> None:
    await _ask(message.content)


@cl.action_callback("ask_suggestion")
async def ask_suggestion(action: cl.Action) -> None:
    question = action.payload.get("question", "")
    await cl.Message(content=question, author="user", type="user_message").send()
    await _ask(question)
