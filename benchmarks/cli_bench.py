"""Where the time of a cold `text2sql` command goes: prints numbers (it is not a test).

    uv run python benchmarks/cli_bench.py              # 3 runs of each command, then the breakdown
    uv run python benchmarks/cli_bench.py --runs 5

Every measurement is a fresh process on the demo database and index (built once in a temporary folder), so each
is a cold start. Printed per command: median wall seconds and median CPU seconds (user + sys of the process and
its children — steadier than wall time on a shared machine), with the load average when it ran.
- `--help`, `index --help`: the lazy command table (nothing heavy imported);
- `ask` now: lazy imports, Milvus Lite / model / Kiwi warmed up in threads while the agent is imported;
- `ask` now without the warm-up threads (to see what they bring);
- `ask` before: what the old command did — every command module imported at start, then the same ask, no warm-up;
- breakdown: each step in one process, one after the other, with Kiwi's load options compared in fresh processes.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTION = "부서별 직원 수를 알려줘"
DICTIONARY = Path(__file__).parents[1] / "packages/agent/src/text2sql_agent/demo/dictionary.yaml"

BEFORE = f"""
import text2sql_pipeline.cli, text2sql_agent.cli, text2sql_agent.server.cli, text2sql_agent.ui.cli
from text2sql_agent.cli import ask_command
try:
    ask_command({QUESTION!r}, datasource=None, as_json=True, sql_only=False, thread=None)
except SystemExit:
    pass
"""

BREAKDOWN = f"""
import json, time
laps, t = {{}}, time.perf_counter()
def lap(name):
    global t
    now = time.perf_counter(); laps[name] = round(now - t, 2); t = now
import text2sql_core.settings; lap("import settings (pydantic, sqlalchemy)")
import pymilvus; lap("import pymilvus (pandas, grpc)")
import langgraph.graph; lap("import langgraph")
import text2sql_agent.agent; lap("import the rest of the agent (openai, sqlglot, nodes)")
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline.index.connection import connect_milvus
settings = UnifiedSettings(); connect_milvus(settings.milvus); lap("Milvus Lite open")
from text2sql_core.embeddings import create_embeddings
create_embeddings(settings).embed_query("warm up"); lap("embedding model load + first query")
from text2sql_pipeline.index.tokenize import analyse_korean
analyse_korean("준비"); lap("Kiwi load (default options)")
agent = text2sql_agent.agent.Text2SQLAgent(settings); lap("agent and graph built")
agent.ask({QUESTION!r}); lap("first ask (all loaded)")
agent.ask("연봉이 제일 높은 직원 5명은?"); lap("second ask")
print(json.dumps(laps, ensure_ascii=False))
"""

NO_WARM_UP = """
import text2sql.warmup
text2sql.warmup.start_for_ask = lambda: None  # the same command, its loads one after the other
from text2sql.cli import main
main()
"""

KIWI = """
import json, sys, time
from kiwipiepy import Kiwi
options = json.loads(sys.argv[1]); t = time.perf_counter(); Kiwi(**options).tokenize("부서별 직원 수를 알려줘")
print(round(time.perf_counter() - t, 2))
"""


def _run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=900)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args[-3:])} failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, cpu, done.stdout


def _measure(label: str, args: list[str], env: dict[str, str], cwd: Path, runs: int) -> None:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu, _ = _run(args, env, cwd)
        walls.append(wall)
        cpus.append(cpu)
    load = os.getloadavg()[0]
    print(f"{label:<37} wall {statistics.median(walls):6.2f} s   cpu {statistics.median(cpus):6.2f} s   "
          f"(runs {runs}, min wall {min(walls):.2f} s, load {load:.1f})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    text2sql = [sys.executable, "-c", "from text2sql.cli import main; main()"]
    with tempfile.TemporaryDirectory(prefix="t2s_cli_bench_") as folder:
        root = Path(folder)
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("TEXT2SQL_")},
               "TEXT2SQL_DATA_DIR": str(root), "TEXT2SQL_MILVUS__URI": str(root / "milvus.db"),
               "TEXT2SQL_AGENT__CHECKPOINT_PATH": str(root / "ck.sqlite")}
        print(f"cores {os.cpu_count()}, python {sys.version.split()[0]}; building the demo index…", flush=True)
        _run([*text2sql, "demo", "--question", QUESTION, "--no-interactive"], env, root)
        env |= {"TEXT2SQL_ORACLE__OLTP__URL": f"sqlite:///{root / 'demo.db'}",
                "TEXT2SQL_DICTIONARY_PATH": str(DICTIONARY)}
        _measure("text2sql --help", [*text2sql, "--help"], env, root, options.runs)
        _measure("text2sql index --help", [*text2sql, "index", "--help"], env, root, options.runs)
        _measure("text2sql ask (now)", [*text2sql, "ask", QUESTION, "--json"], env, root, options.runs)
        _measure("text2sql ask (now, no warm-up)", [sys.executable, "-c", NO_WARM_UP, "ask", QUESTION, "--json"],
                 env, root, options.runs)
        _measure("text2sql ask (before: eager, serial)", [sys.executable, "-c", BEFORE], env, root, options.runs)
        print("\nbreakdown of a cold ask, step by step in one process (seconds):")
        _, _, out = _run([sys.executable, "-c", BREAKDOWN], env, root)
        for step, seconds in json.loads(out.strip().splitlines()[-1]).items():
            print(f"  {seconds:6.2f}  {step}")
        print("\nKiwi load + first sentence, fresh process each (seconds):")
        for kiwi_options in ({}, {"load_typo_dict": False}, {"load_multi_dict": False},
                             {"load_typo_dict": False, "load_multi_dict": False}):
            _, _, out = _run([sys.executable, "-c", KIWI, json.dumps(kiwi_options)], env, root)
            print(f"  {float(out.strip()):6.2f}  Kiwi({', '.join(f'{k}={v}' for k, v in kiwi_options.items())})")


if __name__ == "__main__":
    main()
