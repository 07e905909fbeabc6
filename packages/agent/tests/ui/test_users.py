from __future__ import annotations

from pathlib import Path

import pytest

from text2sql_agent.ui.users import hash_password, load_users, user_entry, verify_password
from text2sql_core.errors import ConfigurationError
from text2sql_core.settings import UnifiedSettings


def test_hash_round_trip_and_salting() -> None:
    encoded = hash_password("비밀번호", iterations=1000)
    assert verify_password("비밀번호", encoded) and not verify_password("wrong", encoded)
    assert hash_password("same", iterations=1000) != hash_password("same", iterations=1000)
    assert not verify_password("x", "plain-text") and not verify_password("x", "md5$1$aa$bb")


def test_users_from_settings_and_file(tmp_path: Path) -> None:
    listed = tmp_path / "users.txt"
    listed.write_text(f"# analysts\n{user_entry('lee', 'pw2')}\n", encoding="utf-8")
    settings = UnifiedSettings(_env_file=None, ui={"users": user_entry("kim", "pw1"), "users_file": listed})
    users = load_users(settings)
    assert set(users) == {"kim", "lee"} and verify_password("pw2", users["lee"])


def test_plain_passwords_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="text2sql users add"):
        load_users(UnifiedSettings(_env_file=None, ui={"users": "kim:secret"}))
