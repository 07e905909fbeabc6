from __future__ import annotations

import pytest
from a2a.helpers import new_data_part, new_message, new_text_part
from a2a.types import Role

from text2sql_agent.server.inputs import AskRequest, BadRequestError, parse_request
from text2sql_core.settings import UnifiedSettings

SETTINGS = UnifiedSettings(_env_file=None, datasources={"hr": {"oltp_url": "sqlite:///hr.db"}},
                           security={"max_rows": 100}, server={"max_question_chars": 50})


def ask(*parts: object) -> AskRequest:
    return parse_request(new_message(list(parts), role=Role.ROLE_USER), SETTINGS)  # type: ignore[arg-type]


def test_text_and_options() -> None:
    request = ask(new_text_part(" 부서별 직원 수 "), new_data_part({"datasource": "hr", "execute": False,
                                                                "max_rows": 20}))
    assert request == AskRequest("부서별 직원 수", "hr", False, 20)


def test_max_rows_is_capped_by_the_security_setting() -> None:
    assert ask(new_text_part("q?"), new_data_part({"max_rows": 5000})).max_rows == 100


@pytest.mark.parametrize(("parts", "fragment"), [
    ([new_data_part({"execute": False})], "text part"),
    ([new_text_part("x" * 51)], "limit is 50"),
    ([new_text_part("q"), new_data_part({"datasource": "sales"})], "Unknown datasource"),
    ([new_text_part("q"), new_data_part({"execute": "yes"})], "true or false"),
    ([new_text_part("q"), new_data_part({"max_rows": 2.5})], "whole number"),
    ([new_text_part("q"), new_data_part({"drop": True})], "Unknown option"),
    ([new_text_part("q"), new_data_part([1, 2])], "object"),
])
def test_bad_requests_say_what_is_wrong(parts: list, fragment: str) -> None:
    with pytest.raises(BadRequestError, match=fragment):
        ask(*parts)
