"""A `MilvusClient` for the settings: a Milvus Lite folder (default) or a server, with errors that say what to do."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from pymilvus import MilvusClient

from text2sql_core.errors import VectorStoreError
from text2sql_core.settings import MilvusSettings

__all__ = ["connect_milvus", "lite_folder_is_locked"]

_CLIENTS: dict[str, MilvusClient] = {}
_CLIENTS_LOCK = threading.Lock()


def lite_folder_is_locked(uri: str) -> bool:
    """Whether another process holds Milvus Lite's folder lock (only meaningful after our own open failed)."""
    lock = Path(uri) / "LOCK"
    if not lock.exists():
        return False
    import fcntl

    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def _lite_error(uri: str, err: Exception) -> VectorStoreError:
    if lite_folder_is_locked(uri):
        return VectorStoreError(
            f"The index {uri} is in use by another text2sql process (`text2sql serve`?): Milvus Lite lets one "
            "process at a time open its folder. Stop that process, or point TEXT2SQL_MILVUS__URI (or "
            "TEXT2SQL_MILVUS__HOST) at a Milvus server that several processes can share. "
            f"/ 색인 {uri} 을(를) 다른 text2sql 프로세스(serve?)가 사용 중입니다: 그 프로세스를 멈추거나 "
            "TEXT2SQL_MILVUS__URI 를 Milvus 서버로 지정하세요.",
            code="MILVUS_LITE_LOCKED", context={"uri": uri},
        )
    return VectorStoreError(f"Cannot open the Milvus Lite index {uri}: {err}. Check that the folder is writable.",
                            code="VECTOR_STORE_UNAVAILABLE", context={"uri": uri})


def _open(settings: MilvusSettings) -> MilvusClient:
    uri = settings.connection_uri
    token = settings.token.get_secret_value() if settings.token else ""
    if not settings.is_server:
        Path(uri).parent.mkdir(parents=True, exist_ok=True)
        # We report failures ourselves; Milvus Lite's in-process gRPC server also logs calls it does not implement.
        for name in ("milvus_lite", "grpc._server"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        try:
            return MilvusClient(uri=uri)
        except Exception as err:
            raise _lite_error(uri, err) from err
    try:
        return MilvusClient(uri=uri, token=token, db_name=settings.db_name, timeout=settings.timeout_seconds)
    except Exception as err:
        raise VectorStoreError(
            f"Cannot reach the Milvus server at {uri}: {err}. Check that it is running "
            "(docker compose up milvus) and TEXT2SQL_MILVUS__HOST / TEXT2SQL_MILVUS__PORT / TEXT2SQL_MILVUS__TOKEN.",
            code="VECTOR_STORE_UNAVAILABLE", context={"uri": uri},
        ) from err


def connect_milvus(settings: MilvusSettings, shared: bool = True) -> MilvusClient:
    """One client per target and process (Milvus Lite cannot be opened twice); `shared=False` for a fresh one."""
    if not shared:
        return _open(settings)
    key = f"{settings.connection_uri}|{settings.db_name}"
    with _CLIENTS_LOCK:
        if key not in _CLIENTS:
            _CLIENTS[key] = _open(settings)
        return _CLIENTS[key]
