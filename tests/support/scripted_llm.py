"""A scripted chat model for offline tests: answers by looking at the prompt, records calls, can fail first.

Like pydantic-ai's FunctionModel: the test supplies a function from the messages to the reply text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, Field

__all__ = ["ScriptedChatModel", "route_by_system"]


class ScriptedChatModel(BaseChatModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    respond: Callable[[list[BaseMessage]], str]
    failures: list[Exception] = Field(default_factory=list)  # raised, in order, before answering
    calls: list[list[BaseMessage]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None, **kwargs: Any) -> ChatResult:
        self.calls.append(list(messages))
        if self.failures:
            raise self.failures.pop(0)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self.respond(messages)))])

    def prompts(self, marker: str) -> list[str]:
        """The user prompts of the calls whose system prompt contains `marker`."""
        return [str(m[-1].content) for m in self.calls if marker in str(m[0].content)]


def route_by_system(routes: dict[str, Callable[[list[BaseMessage]], str] | str],
                    default: str = "") -> Callable[[list[BaseMessage]], str]:
    """Pick the reply by a marker in the system prompt (phase 1 choice, phase 2 SQL, review, summary, …)."""

    def respond(messages: list[BaseMessage]) -> str:
        system = str(messages[0].content)
        for marker, reply in routes.items():
            if marker in system:
                return reply(messages) if callable(reply) else reply
        return default

    return respond
