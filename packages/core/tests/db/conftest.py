"""Databases of the database-wall tests: one scratch database per server and test run (`t2s_wall_<pid>`), an
`items` table, and two accounts — a least-privilege reader (SELECT on `items` only, the documented setup) and
the server's superuser (to show what the wall does and does not stop for a misconfigured account).

Everything is created here and dropped at the end; a server that is not running skips its tests with the reason.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from text2sql_testing import port_open

ROWS = 250
NAME = f"t2s_wall_{os.getpid()}"
READER = f"t2s_wall_reader_{os.getpid()}"


@dataclass(frozen=True)
class WallDatabase:
    """A scratch database: `reader_url` (SELECT on items only), `super_url` (superuser), `admin()` a fresh
    autocommit connection as superuser to look at what really happened."""

    dialect: str
    reader_url: str
    super_url: str
    rows: int = ROWS

    def admin(self) -> Any:
        if self.dialect == "postgres":
            import psycopg

            return psycopg.connect(host="127.0.0.1", user="postgres", dbname=NAME, autocommit=True)
        if self.dialect == "mysql":
            import pymysql

            return pymysql.connect(host="127.0.0.1", user="root", password="", database=NAME, autocommit=True)
        return sqlite3.connect(self.reader_url.removeprefix("sqlite:///"))

    def scalar(self, sql: str) -> Any:
        conn = self.admin()
        try:
            cursor = conn.cursor()
            cursor.execute(sql)
            return cursor.fetchone()[0]
        finally:
            conn.close()

    def fingerprint(self) -> tuple[Any, ...]:
        """What the data looks like: row count, id sum, and every name (a write anywhere changes it)."""
        conn = self.admin()
        try:
            cursor = conn.cursor()
            cursor.execute("SELECT id, name FROM items ORDER BY id")
            rows = [tuple(r) for r in cursor.fetchall()]
            return len(rows), sum(r[0] for r in rows), tuple(r[1] for r in rows)
        finally:
            conn.close()


def _items(n: int = ROWS) -> list[tuple[int, str]]:
    return [(i, f"항목 {i}") for i in range(n)]


@pytest.fixture
def sqlite_wall(tmp_path: Path) -> WallDatabase:
    db = tmp_path / "wall.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)")
        conn.executemany("INSERT INTO items VALUES (?, ?)", _items())
    return WallDatabase("sqlite", f"sqlite:///{db}", f"sqlite:///{db}")


@pytest.fixture(scope="session")
def postgres_wall() -> Iterator[WallDatabase]:
    if not port_open("127.0.0.1", 5432):
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    import psycopg

    try:
        server = psycopg.connect(host="127.0.0.1", user="postgres", dbname="postgres", autocommit=True)
    except psycopg.Error as err:
        pytest.skip(f"PostgreSQL on 127.0.0.1:5432 does not let user postgres in (trust auth expected): {err}")
    with server:
        server.execute(f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)")
        server.execute(f"DROP ROLE IF EXISTS {READER}")
        server.execute(f"CREATE DATABASE {NAME}")
        server.execute(f"CREATE ROLE {READER} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")
        with psycopg.connect(host="127.0.0.1", user="postgres", dbname=NAME, autocommit=True) as conn:
            conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
            conn.execute("REVOKE TEMPORARY ON DATABASE " + NAME + " FROM PUBLIC")
            conn.execute("CREATE TABLE items (id int PRIMARY KEY, name text)")
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO items VALUES (%s, %s)", _items())
            conn.execute("CREATE SEQUENCE items_seq")
            conn.execute(f"GRANT SELECT ON items TO {READER}")
            # USAGE lets the reader call nextval: only the read-only transaction stands in the way
            conn.execute(f"GRANT USAGE ON SEQUENCE items_seq TO {READER}")
            conn.execute(f"ALTER ROLE {READER} SET default_transaction_read_only = on")
        try:
            yield WallDatabase("postgres", f"postgresql+psycopg://{READER}@127.0.0.1:5432/{NAME}",
                               f"postgresql+psycopg://postgres@127.0.0.1:5432/{NAME}")
        finally:
            server.execute(f"DROP DATABASE IF EXISTS {NAME} WITH (FORCE)")
            server.execute(f"DROP ROLE IF EXISTS {READER}")


@pytest.fixture(scope="session")
def mysql_wall() -> Iterator[WallDatabase]:
    if not port_open("127.0.0.1", 3306):
        pytest.skip("MariaDB/MySQL is not running on 127.0.0.1:3306")
    import pymysql

    try:
        server = pymysql.connect(host="127.0.0.1", user="root", password="", autocommit=True)
    except pymysql.Error as err:
        pytest.skip(f"MariaDB/MySQL on 127.0.0.1:3306 does not let root in without a password: {err}")
    with server:
        cur = server.cursor()
        cur.execute(f"DROP DATABASE IF EXISTS {NAME}")
        cur.execute(f"DROP USER IF EXISTS '{READER}'@'127.0.0.1'")
        cur.execute(f"CREATE DATABASE {NAME} CHARACTER SET utf8mb4")
        cur.execute(f"CREATE TABLE {NAME}.items (id INT PRIMARY KEY, name VARCHAR(50)) CHARACTER SET utf8mb4")
        cur.executemany(f"INSERT INTO {NAME}.items VALUES (%s, %s)", _items())
        cur.execute(f"CREATE USER '{READER}'@'127.0.0.1'")
        cur.execute(f"GRANT SELECT ON {NAME}.items TO '{READER}'@'127.0.0.1'")
        try:
            yield WallDatabase("mysql", f"mysql+pymysql://{READER}@127.0.0.1:3306/{NAME}",
                               f"mysql+pymysql://root@127.0.0.1:3306/{NAME}")
        finally:
            cur.execute(f"DROP DATABASE IF EXISTS {NAME}")
            cur.execute(f"DROP USER IF EXISTS '{READER}'@'127.0.0.1'")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres),
                        pytest.param("mysql", marks=pytest.mark.mysql)])
def wall(request: pytest.FixtureRequest) -> WallDatabase:
    """Each database in turn (servers skipped when absent)."""
    return request.getfixturevalue(f"{request.param}_wall")
