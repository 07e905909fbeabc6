"""The Chainlit chat mounted at /chat: live steps, SQL, tables, charts, CSV, feedback and login."""

from text2sql_agent.ui.feedback import Candidate, FeedbackStore
from text2sql_agent.ui.flow import ChatOptions, ChatSink, Reply, compose_reply, handle_question

__all__ = ["Candidate", "ChatOptions", "ChatSink", "FeedbackStore", "Reply", "compose_reply", "handle_question"]
