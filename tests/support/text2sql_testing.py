"""Helpers shared by every package's tests: where the shared data is, and real database servers if running."""

from __future__ import annotations

import os
import socket
from pathlib import Path

__all__ = ["mariadb_url", "port_open", "postgres_url", "spider_dir"]

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
