"""The site policy: TEXT2SQL_SECURITY__ALLOWED_FUNCTIONS lets a site's own UDFs through, MAX_SQL_CHARS caps size."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from text2sql_core.errors import ConfigurationError, SQLValidationError
from text2sql_core.settings import SecuritySettings
from text2sql_core.validation import GuardPolicy, SQLValidator, current_policy, render_checked, validate_syntax
from text2sql_core.validation.policy import normalize_function_names


@pytest.fixture
def fresh_policy() -> Iterator[None]:
    current_policy.cache_clear()
    yield
    current_policy.cache_clear()


def test_an_unknown_function_is_refused_until_the_site_allows_it() -> None:
    sql = "SELECT calc_bonus(sal) FROM emp"
    with pytest.raises(SQLValidationError) as info:
        validate_syntax(sql, "oracle", policy=GuardPolicy())
    assert info.value.reason == "denied_function" and "CALC_BONUS" in info.value.message
    policy = GuardPolicy(allowed_functions=normalize_function_names(["calc_bonus"]))
    assert validate_syntax(sql, "oracle", policy=policy) == sql


def test_a_qualified_udf_needs_its_qualified_name() -> None:
    sql = "SELECT hr.calc_bonus(sal) FROM emp"
    only_bare = GuardPolicy(allowed_functions=normalize_function_names(["calc_bonus"]))
    with pytest.raises(SQLValidationError) as info:
        validate_syntax(sql, "oracle", policy=only_bare)
    assert "HR.CALC_BONUS" in info.value.message
    qualified = GuardPolicy(allowed_functions=normalize_function_names(['"HR"."CALC_BONUS"']))
    assert render_checked(sql, "oracle", policy=qualified) == "SELECT hr.calc_bonus(sal) FROM emp"


def test_an_allowed_name_never_opens_a_dangerous_package() -> None:
    policy = GuardPolicy(allowed_functions=normalize_function_names(["sleep"]))
    with pytest.raises(SQLValidationError) as info:
        validate_syntax("SELECT DBMS_LOCK.SLEEP(1) FROM dual", "oracle", policy=policy)
    assert info.value.reason == "denied_package"


def test_allowed_quoted_udf_is_printed_bare() -> None:
    policy = GuardPolicy(allowed_functions=normalize_function_names(["my_udf"]))
    assert render_checked('SELECT "my_udf"(a) FROM t', "postgres", policy=policy) == "SELECT MY_UDF(a) FROM t"


def test_the_policy_comes_from_the_settings(monkeypatch: pytest.MonkeyPatch, fresh_policy: None) -> None:
    monkeypatch.setenv("TEXT2SQL_SECURITY__ALLOWED_FUNCTIONS", "calc_bonus, hr.net_pay")
    monkeypatch.setenv("TEXT2SQL_SECURITY__MAX_SQL_CHARS", "200")
    policy = current_policy()
    assert policy.allowed_functions == {"CALC_BONUS", "HR.NET_PAY"}
    assert policy.max_sql_chars == 200
    assert validate_syntax("SELECT calc_bonus(sal), hr.net_pay(sal) FROM emp", "oracle")
    with pytest.raises(SQLValidationError) as info:
        validate_syntax("SELECT " + ", ".join(["sal"] * 60) + " FROM emp", "oracle")
    assert info.value.reason == "too_long"


def test_security_settings_accept_a_json_list() -> None:
    settings = SecuritySettings(allowed_functions='["a", "b.c"]')
    assert GuardPolicy.from_settings(settings).allowed_functions == {"A", "B.C"}
    assert SecuritySettings().max_sql_chars == 20_000


def test_the_validator_applies_its_policy() -> None:
    validator = SQLValidator("sqlite", policy=GuardPolicy(allowed_functions=frozenset({"REGEXP_X"})))
    assert validator.validate_syntax("SELECT regexp_x(a) FROM t")
    with pytest.raises(SQLValidationError):
        SQLValidator("sqlite", policy=GuardPolicy()).validate_syntax("SELECT regexp_x(a) FROM t")


def test_a_bad_setting_is_a_clear_configuration_error(monkeypatch: pytest.MonkeyPatch, fresh_policy: None) -> None:
    monkeypatch.setenv("TEXT2SQL_SECURITY__MAX_SQL_CHARS", "lots")
    with pytest.raises(ConfigurationError) as info:
        validate_syntax("SELECT 1", "sqlite")
    assert "max_sql_chars" in info.value.message and "TEXT2SQL_" in info.value.message
