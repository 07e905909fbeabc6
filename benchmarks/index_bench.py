"""Index N synthetic templates into a fresh Milvus Lite folder and print throughput and search latency.

    uv run python benchmarks/index_bench.py            # N = 1,000 and 10,000
    uv run python benchmarks/index_bench.py --n 2000   # other sizes

Prints, per N: templates per second, the share of indexing time spent embedding, hybrid search p50/p95 (ms).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from text2sql_core.models import SQLTemplateCreate
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline import HybridRetrievalService, IngestItem, index_rows, template_store

TABLES = {
    "employees": ("직원", ["name", "salary", "hire_date", "dept_id", "title", "city"]),
    "departments": ("부서", ["dept_name", "budget", "location", "manager_id"]),
    "orders": ("주문", ["order_date", "amount", "customer_id", "status", "region"]),
    "customers": ("고객", ["name", "city", "grade", "joined_at", "age"]),
    "products": ("상품", ["name", "price", "category", "stock", "maker"]),
    "shipments": ("배송", ["shipped_at", "carrier", "weight", "order_id", "fee"]),
}
AGGS = [("COUNT(*)", "개수", "count"), ("SUM({c})", "합계", "total"), ("AVG({c})", "평균", "average"),
        ("MAX({c})", "최댓값", "maximum"), ("MIN({c})", "최솟값", "minimum")]
WORDS = ["월별", "지역별", "올해", "최근", "상위", "전체", "신규", "활성", "연간", "분기별"]


def synthetic(n: int, seed: int = 7) -> list[IngestItem]:
    rng = random.Random(seed)
    items = []
    for i in range(n):
        table = rng.choice(list(TABLES))
        label, cols = TABLES[table]
        agg_sql, agg_ko, agg_en = rng.choice(AGGS)
        col, group, where = rng.sample(cols, 3)
        threshold = rng.randint(1, 10_000)
        sql = (f"SELECT {group}, {agg_sql.format(c=col)} AS metric_{i} FROM {table} WHERE {where} > {threshold} "
               f"AND {col} IS NOT NULL GROUP BY {group} HAVING COUNT(*) > {i}")
        word = rng.choice(WORDS)
        description = f"{word} {label}의 {group}별 {col} {agg_ko} ({where} {threshold} 초과) #{i}"
        question = f"{agg_en} of {col} per {group} for {table} where {where} is above {threshold} (variant {i})"
        items.append(IngestItem(SQLTemplateCreate(sql_text=sql, description=description, questions=[question],
                                                  datasource=f"ds{i % 4}", dialect="sqlite"), f"synthetic#{i}"))
    return items


def run(n: int, queries: int = 200) -> None:
    with tempfile.TemporaryDirectory() as folder:
        settings = UnifiedSettings(_env_file=None, milvus={"uri": str(Path(folder) / "milvus.db")})
        store = template_store(settings)
        items = synthetic(n)
        summary = index_rows(items, store)
        service = HybridRetrievalService(store.collection.client, store.collection.name, store.embeddings,
                                         settings.milvus)
        rng = random.Random(1)
        probes = [items[rng.randrange(n)].template for _ in range(queries)]
        service.search("warm up", 5, "ds0")
        latencies, milvus_only = [], []
        for template in probes:
            question = template.questions[0]
            began = time.perf_counter()
            vectors = service._vectors(question)
            embedded = time.perf_counter()
            service.search(question, 5, template.datasource, vectors=vectors)
            done = time.perf_counter()
            latencies.append((done - began) * 1000)
            milvus_only.append((done - embedded) * 1000)
        print(f"N={n:>6}  indexed={summary.indexed:>6}  {summary.indexed / summary.seconds:7.1f} templates/s  "
              f"embedding {100 * summary.embed_seconds / summary.seconds:4.1f}% of {summary.seconds:6.1f} s  "
              f"hybrid search (with query embedding) p50={_p(latencies, 50):5.1f} ms p95={_p(latencies, 95):5.1f} ms"
              f"  (Milvus alone p50={_p(milvus_only, 50):5.1f} ms p95={_p(milvus_only, 95):5.1f} ms)", flush=True)


def _p(values: list[float], q: int) -> float:
    ordered = sorted(values)
    return statistics.median(ordered) if q == 50 else ordered[int(q / 100 * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    for n in args.n:
        run(n, args.queries)


if __name__ == "__main__":
    main()
