"""Metrics of an evaluation run, computed from its result rows."""

from __future__ import annotations

import statistics
from typing import Any

from text2sql_agent.evaluation.protocol import canonical, template_key

__all__ = ["compute_metrics"]


def _key_or_none(sql: str) -> str | None:
    try:
        return template_key(sql, "sqlite")
    except Exception:
        return None


def compute_metrics(rows: list[dict[str, Any]], keys: dict[tuple[str, str], str]) -> dict[str, Any]:
    inlib = [r for r in rows if r["in_library"]]
    held = [r for r in rows if not r["in_library"]]
    hit1 = hit5 = rr = 0.0
    accepted = correct = 0
    for row in inlib:
        key = keys[(row["db_id"], row["question"])]
        retrieved = [_key_or_none(s) for s in row["retrieved"][:5]]
        hit1 += bool(retrieved) and retrieved[0] == key
        if key in retrieved:
            hit5 += 1
            rr += 1 / (retrieved.index(key) + 1)
        if row["decision"] == "phase1":
            accepted += 1
            correct += bool(row["sql"]) and canonical(row["sql"], "sqlite") == canonical(row["gold_sql"], "mysql")
    false_accepts = sum(r["decision"] == "phase1" for r in held)
    latencies = sorted(r["latency_ms"] for r in rows)
    n = max(len(inlib), 1)
    return {
        "queries": len(rows), "in_library": len(inlib), "held_out": len(held),
        "hit_at_1": round(hit1 / n, 4), "hit_at_5": round(hit5 / n, 4), "mrr": round(rr / n, 4),
        "phase1_coverage": round(accepted / n, 4), "phase1_precision": round(correct / max(accepted, 1), 4),
        "false_accept_rate": round(false_accepts / max(len(held), 1), 4),
        "latency_p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "latency_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None,
        "accepted": accepted, "correct": correct, "false_accepts": false_accepts,
    }
