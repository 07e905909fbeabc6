"""`ErrorInfo`: an error as callers see it — a registered code, a message that says what failed, the remedy.

It is what the graph state, `Answer.error` and the A2A failure part carry. Nothing internal reaches a caller as
text: an exception that is not a `Text2SQLError` becomes `INTERNAL_ERROR` with a generic message (the detail goes
to the log, written by whoever caught the exception)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from text2sql_core.errors import ErrorCode, Text2SQLError

__all__ = ["INTERNAL_MESSAGE", "ErrorInfo"]

INTERNAL_MESSAGE = ("An internal error stopped this answer; the details are in the server log. "
                    "내부 오류로 답하지 못했습니다. 자세한 내용은 서버 로그에 있습니다.")


class ErrorInfo(BaseModel):
    code: str
    message: str
    remedy: str = ""
    context: dict[str, Any] = Field(default_factory=dict)
    # The graph node that failed, when the error came out of one.
    node: str | None = None

    @classmethod
    def of(cls, code: ErrorCode, message: str | None = None, node: str | None = None,
           **context: Any) -> ErrorInfo:
        """An error for a registered code; the registry's message unless a more specific one is given."""
        return cls(code=code.value, message=message or code.message, remedy=code.remedy, context=context,
                   node=node)

    @classmethod
    def from_exception(cls, err: BaseException, node: str | None = None) -> ErrorInfo:
        if isinstance(err, Text2SQLError):
            return cls(code=str(err.code), message=err.message, remedy=err.remedy, context=dict(err.context),
                       node=node)
        return cls.of(ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE, node=node)

    # Mapping-style reads (`error["code"]`, `error.get("message")`) for callers written against the dict form.
    def __getitem__(self, key: str) -> Any:
        if key not in type(self).model_fields:
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key) if key in type(self).model_fields else default
