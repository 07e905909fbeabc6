"""Helpers shared by every package's tests: where the shared data is, and real database servers if running."""

from __future__ import annotations

import itertools
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["mariadb_url", "port_open", "postgres_database", "postgres_url", "spider_dir"]

_scratch_numbers = itertools.count()

REPO = Path(__file__).resolve().parents[2]


def spider_dir() -> Path | None:
    candidates = [os.environ.get("TEXT2SQL_SPIDER_DIR"), REPO.parent / "shared" / "data" / "spider-dev"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "questions.json").exists():
            return Path(candidate)
    return None


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def postgres_url() -> str | None:
    """A scratch database on the local PostgreSQL (trust auth), or None when none runs."""
    if not port_open("127.0.0.1", 5432):
        return None
    import psycopg

    for user in ("postgres", "root"):
        try:
            with psycopg.connect(host="127.0.0.1", user=user, dbname="postgres", autocommit=True) as conn:
                exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = 'text2sql_test'").fetchone()
                if not exists:
                    conn.execute("CREATE DATABASE text2sql_test")
            return f"postgresql+psycopg://{user}@127.0.0.1:5432/text2sql_test"
        except psycopg.Error:
            continue
    return None


def _postgres_admin() -> tuple[str, object] | None:
    """(user, autocommit connection to the `postgres` database) on the local server, or None when none runs."""
    if not port_open("127.0.0.1", 5432):
        return None
    import psycopg

    for user in ("postgres", "root"):
        try:
            return user, psycopg.connect(host="127.0.0.1", user=user, dbname="postgres", autocommit=True)
        except psycopg.Error:
            continue
    return None


@contextmanager
def postgres_database(area: str) -> Iterator[str | None]:
    """A database of its own for one test (`t2s_<area>_<pid>_<n>`), dropped afterwards even if connections are left
    open; yields its `postgresql://` URL, or None when no PostgreSQL runs (the caller skips, saying so)."""
    admin = _postgres_admin()
    if admin is None:
        yield None
        return
    user, conn = admin
    name = f"t2s_{area}_{os.getpid()}_{next(_scratch_numbers)}"
    with conn:  # type: ignore[attr-defined]
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]
        conn.execute(f'CREATE DATABASE "{name}"')  # type: ignore[attr-defined]
        try:
            yield f"postgresql://{user}@127.0.0.1:5432/{name}"
        finally:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]


def mariadb_url() -> str | None:
    if not port_open("127.0.0.1", 3306):
        return None
    import pymysql

    try:
        conn = pymysql.connect(host="127.0.0.1", user="root", password="", autocommit=True)
    except pymysql.Error:
        return None
    with conn:
        conn.cursor().execute("CREATE DATABASE IF NOT EXISTS text2sql_test CHARACTER SET utf8mb4")
    return "mysql+pymysql://root@127.0.0.1:3306/text2sql_test"
