"""What an A2A message asks for: the question (text parts) and options (an optional data part), checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from a2a.helpers import get_data_parts, get_text_parts
from a2a.types import Message, Role
from a2a.utils.errors import InvalidParamsError

from text2sql_core.errors import Text2SQLError
from text2sql_core.settings import UnifiedSettings

__all__ = ["AskRequest", "BadRequestError", "check_message", "parse_request"]

_OPTIONS = {"datasource", "execute", "max_rows"}


class BadRequestError(Text2SQLError):
    def __init__(self, message: str):
        super().__init__(message, code="BAD_REQUEST")


@dataclass(frozen=True)
class AskRequest:
    question: str
    datasource: str | None = None
    execute: bool = True
    max_rows: int | None = None


def _options(message: Message) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for data in get_data_parts(message.parts):
        if not isinstance(data, dict):
            raise BadRequestError("A data part must be an object such as {\"datasource\": \"hr\", \"execute\": false}.")
        unknown = set(data) - _OPTIONS
        if unknown:
            raise BadRequestError(f"Unknown option(s) {sorted(unknown)}; allowed: {sorted(_OPTIONS)}.")
        options.update(data)
    return options


def _max_rows(value: Any, cap: int) -> int | None:
    if value is None:
        return None
    # protobuf Values carry every number as a double: 50 arrives as 50.0.
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value) or value < 1:
        raise BadRequestError("max_rows must be a positive whole number.")
    return min(int(value), cap)


def check_message(message: Message | None) -> Message:
    """A message no task can come from is the caller's mistake: the SDK answers it as invalid params (JSON-RPC
    -32602, HTTP 400) with this reason, instead of the internal error its task helper's ValueError would be."""
    if message is None:
        raise InvalidParamsError(message="The request has no message. / 메시지가 없습니다.")
    if message.role != Role.ROLE_USER:
        raise InvalidParamsError(message="The message must have role ROLE_USER. / 메시지의 role은 ROLE_USER여야 "
                                         "합니다.")
    if any(part.HasField("text") and not part.text for part in message.parts):
        raise InvalidParamsError(message="A text part is empty: send the question as text. / 빈 텍스트 파트가 "
                                         "있습니다. 질문을 텍스트로 보내 주세요.")
    if not any(text.strip() for text in get_text_parts(message.parts)):
        raise InvalidParamsError(message="Send the question as a text part. / 질문을 텍스트 파트로 보내 주세요.")
    return message


def parse_request(message: Message | None, settings: UnifiedSettings) -> AskRequest:
    if message is None:
        raise BadRequestError("The request has no message.")
    question = "\n".join(t.strip() for t in get_text_parts(message.parts) if t.strip())
    if not question:
        raise BadRequestError("Send the question as a text part. / 질문을 텍스트 파트로 보내 주세요.")
    limit = settings.server.max_question_chars
    if len(question) > limit:
        raise BadRequestError(f"The question is {len(question)} characters long; the limit is {limit}.")
    options = _options(message)
    datasource = options.get("datasource")
    known = settings.datasource_names()
    if datasource is not None and datasource not in known:
        raise BadRequestError(f"Unknown datasource {datasource!r}. Configured: {', '.join(known)}.")
    execute = options.get("execute", True)
    if not isinstance(execute, bool):
        raise BadRequestError("execute must be true or false.")
    return AskRequest(question, datasource, execute, _max_rows(options.get("max_rows"), settings.security.max_rows))
