"""A minimal Chainlit data layer: Chainlit shows thumbs up/down only when one exists. Feedback goes to the
FeedbackStore; threads and steps are not kept here (the conversation itself lives in the LangGraph checkpointer)."""

from __future__ import annotations

import logging
from typing import Any

from chainlit.data.base import BaseDataLayer
from chainlit.types import Feedback, PageInfo, PaginatedResponse
from chainlit.user import PersistedUser, User

from text2sql_agent.ui.feedback import FeedbackStore
from text2sql_core.clock import now

__all__ = ["FeedbackDataLayer"]

logger = logging.getLogger("text2sql.chat")


class FeedbackDataLayer(BaseDataLayer):
    def __init__(self, store: FeedbackStore):
        self.store = store

    async def get_user(self, identifier: str) -> PersistedUser | None:
        return PersistedUser(id=identifier, identifier=identifier, createdAt=now().isoformat())

    async def create_user(self, user: User) -> PersistedUser | None:
        return PersistedUser(id=user.identifier, identifier=user.identifier, metadata=user.metadata,
                             createdAt=now().isoformat())

    async def upsert_feedback(self, feedback: Feedback) -> str:
        feedback_id = self.store.record(feedback.forId, int(feedback.value), feedback.comment)
        if feedback_id is None:
            logger.warning("feedback for an unknown message %s was not recorded", feedback.forId)
        return feedback_id or ""

    async def delete_feedback(self, feedback_id: str) -> bool:
        return True

    # Threads, steps and elements are not persisted by this layer.
    async def create_element(self, element: Any) -> None:
        return None

    async def get_element(self, thread_id: str, element_id: str) -> Any:
        return None

    async def delete_element(self, element_id: str, thread_id: str | None = None) -> None:
        return None

    async def create_step(self, step_dict: Any) -> None:
        return None

    async def update_step(self, step_dict: Any) -> None:
        return None

    async def delete_step(self, step_id: str) -> None:
        return None

    async def get_thread_author(self, thread_id: str) -> str:
        return ""

    async def delete_thread(self, thread_id: str) -> None:
        return None

    async def list_threads(self, pagination: Any, filters: Any) -> PaginatedResponse:
        return PaginatedResponse(data=[], pageInfo=PageInfo(hasNextPage=False, startCursor=None, endCursor=None))

    async def get_thread(self, thread_id: str) -> Any:
        return None

    async def update_thread(self, thread_id: str, name: str | None = None, user_id: str | None = None,
                            metadata: dict | None = None, tags: list[str] | None = None) -> None:
        return None

    async def build_debug_url(self) -> str:
        return ""

    async def close(self) -> None:
        return None

    async def get_favorite_steps(self, user_id: str) -> list:
        return []
