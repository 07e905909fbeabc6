"""A caller's mistakes come back as the binding's own errors with the reason — JSON-RPC -32602 (invalid params) or
-32700 (parse error), HTTP 400 — never -32603/500 Internal error."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from a2a_testing import KEYS

HEADERS = {"X-API-Key": KEYS[0], "A2A-Version": "1.0", "content-type": "application/json"}


def rpc(message: dict[str, Any], method: str = "SendMessage") -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": 7, "method": method, "params": {"message": message}}).encode()


def user(*parts: dict[str, Any], role: str = "ROLE_USER") -> dict[str, Any]:
    return {"role": role, "messageId": "m-1", "parts": list(parts)}


@pytest.mark.parametrize(("body", "code", "reason"), [
    (rpc(user({"text": ""})), -32602, "text part is empty"),
    (rpc(user({"text": "   "})), -32602, "question as a text part"),
    (rpc(user({"data": {"execute": False}})), -32602, "question as a text part"),
    (rpc(user({"text": "부서별 직원 수"}, role="ROLE_AGENT")), -32602, "ROLE_USER"),
    (rpc(user({"text": ""}), "SendStreamingMessage"), -32602, "text part is empty"),
    ('{"jsonrpc":"2.0","id":7,"method":"SendMessage","params":{"message":{"role":"ROLE_USER","messageId":"m",'
     '"parts":[{"text":"\xff\xfe"}]}}}'.encode("latin-1"), -32700, "not valid UTF-8"),
    (b'{"jsonrpc":"2.0","id":7,', -32700, ""),
])
async def test_json_rpc_mistakes_are_invalid_params_or_parse_errors(http: httpx.AsyncClient, body: bytes, code: int,
                                                                    reason: str) -> None:
    response = await http.post("/a2a", content=body, headers=HEADERS)
    error = response.json()["error"]
    assert response.status_code == 200 and error["code"] == code, response.text
    assert reason in error["message"] and "Traceback" not in response.text


@pytest.mark.parametrize(("body", "reason"), [
    (json.dumps({"message": user({"text": "hi"}, role="ROLE_AGENT")}).encode(), "ROLE_USER"),
    (json.dumps({"message": user({"text": ""})}).encode(), "text part is empty"),
    (b'{"message": {"role": "ROLE_USER", "messageId": "m", "parts": [{"text": "\xff"}]}}', "not valid UTF-8"),
])
async def test_rest_mistakes_are_400_with_the_reason(http: httpx.AsyncClient, body: bytes, reason: str) -> None:
    response = await http.post("/a2a/message:send", content=body, headers=HEADERS)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["status"] == "INVALID_ARGUMENT" and reason in response.json()["error"]["message"]


async def test_an_unauthenticated_caller_is_told_401_before_anything_about_the_body(http: httpx.AsyncClient) -> None:
    response = await http.post("/a2a", content=b'{"text":"\xff"}', headers={"content-type": "application/json"})
    assert response.status_code == 401
