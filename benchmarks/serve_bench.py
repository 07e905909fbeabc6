"""Load `text2sql serve` on the demo: N concurrent A2A clients for a fixed time, on 127.0.0.1 only.

    uv run python benchmarks/serve_bench.py                      # 8 clients, 20 s
    uv run python benchmarks/serve_bench.py --clients 16 --seconds 30
    uv run python benchmarks/serve_bench.py --requests-per-minute 30   # see the limiter answer 429s

Starts the server as a subprocess in a temporary folder (its own demo database and Milvus Lite file), waits for
/readyz, then each client sends JSON-RPC SendMessage requests back to back. Prints throughput, p50/p95 latency
and the count of each HTTP status.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter

import httpx

QUESTIONS = ["부서별 직원 수를 알려줘", "연봉이 제일 높은 직원 5명은?", "서울에 사는 고객 목록 보여줘",
             "Total sales by region", "VIP 등급 고객은 누구인가요?"]
KEY = "bench-key-" + uuid.uuid4().hex


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_server(folder: str, port: int, rpm: int, concurrent: int) -> subprocess.Popen:
    env = os.environ | {"TEXT2SQL_SERVER__API_KEYS": KEY, "TEXT2SQL_SERVER__REQUESTS_PER_MINUTE": str(rpm),
                        "TEXT2SQL_SERVER__MAX_CONCURRENT_TASKS": str(concurrent), "TEXT2SQL_LOG_LEVEL": "WARNING"}
    command = [sys.executable, "-m", "text2sql.cli", "serve", "--demo", "--no-chat", "--host", "127.0.0.1",
               "--port", str(port)]
    return subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def _wait_ready(base: str, server: subprocess.Popen, limit_s: float = 120.0) -> None:
    deadline = time.monotonic() + limit_s
    async with httpx.AsyncClient(timeout=5) as http:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"the server exited: {server.stderr.read().decode()[-2000:]}")
            try:
                if (await http.get(f"{base}/readyz")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.5)
    raise SystemExit("the server was not ready in time")


def _body(question: str) -> dict:
    return {"jsonrpc": "2.0", "id": uuid.uuid4().hex, "method": "SendMessage", "params": {"message": {
        "role": "ROLE_USER", "messageId": uuid.uuid4().hex, "parts": [{"text": question}]}}}


async def _client(http: httpx.AsyncClient, base: str, index: int, until: float, latencies: list[float],
                  statuses: Counter) -> None:
    headers = {"Authorization": f"Bearer {KEY}", "A2A-Version": "1.0"}
    n = index
    while time.monotonic() < until:
        started = time.perf_counter()
        try:
            response = await http.post(f"{base}/a2a", json=_body(QUESTIONS[n % len(QUESTIONS)]), headers=headers)
            statuses[response.status_code] += 1
            if response.status_code == 200:
                latencies.append((time.perf_counter() - started) * 1000)
            elif response.status_code == 429:
                await asyncio.sleep(min(float(response.headers.get("Retry-After", "1")), 2.0))
        except httpx.HTTPError as err:
            statuses[type(err).__name__] += 1
        n += 1


async def _load(base: str, clients: int, seconds: float) -> tuple[list[float], Counter, float]:
    latencies: list[float] = []
    statuses: Counter = Counter()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        started = time.monotonic()
        await asyncio.gather(*(_client(http, base, i, started + seconds, latencies, statuses)
                               for i in range(clients)))
        return latencies, statuses, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8, choices=range(1, 65), metavar="1..64")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--requests-per-minute", type=int, default=100_000)
    parser.add_argument("--max-concurrent", type=int, default=64)
    args = parser.parse_args()
    seconds = min(max(args.seconds, 1.0), 120.0)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="text2sql-serve-bench-") as folder:
        server = _start_server(folder, port, args.requests_per_minute, args.max_concurrent)
        try:
            asyncio.run(_wait_ready(base, server))
            latencies, statuses, elapsed = asyncio.run(_load(base, args.clients, seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    done = sum(v for k, v in statuses.items() if k == 200)
    print(f"clients={args.clients} seconds={elapsed:.1f} requests={sum(statuses.values())} completed={done}")
    print(f"throughput={done / elapsed:.1f} answers/s")
    if latencies:
        cuts = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else [latencies[0]] * 19
        print(f"latency_ms p50={statistics.median(latencies):.1f} p95={cuts[18]:.1f} max={max(latencies):.1f}")
    print("status_counts=" + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)))


if __name__ == "__main__":
    main()
