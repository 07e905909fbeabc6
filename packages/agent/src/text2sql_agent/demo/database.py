"""The demo database: a small Korean company's HR and sales data in SQLite, generated deterministically."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

from text2sql_core import clock

__all__ = ["create_demo_database"]

SCHEMA = """
CREATE TABLE departments (dept_id INTEGER PRIMARY KEY, dept_name TEXT NOT NULL, location TEXT);
CREATE TABLE employees (emp_id INTEGER PRIMARY KEY, name TEXT NOT NULL, dept_id INTEGER REFERENCES departments(dept_id),
  position TEXT, salary INTEGER, hire_date TEXT, city TEXT, manager_id INTEGER REFERENCES employees(emp_id));
CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT, grade TEXT, joined_at TEXT);
CREATE TABLE products (product_id INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT, price INTEGER);
CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(customer_id),
  order_date TEXT, status TEXT, region TEXT);
CREATE TABLE order_items (order_id INTEGER REFERENCES orders(order_id),
  product_id INTEGER REFERENCES products(product_id), quantity INTEGER, unit_price INTEGER,
  PRIMARY KEY (order_id, product_id));
"""

DEPARTMENTS = [("인사팀", "서울"), ("영업팀", "서울"), ("개발팀", "판교"), ("마케팅팀", "서울"), ("재무팀", "부산"),
               ("고객지원팀", "대전")]
POSITIONS = [("사원", 3_200_000), ("대리", 3_900_000), ("과장", 4_700_000), ("차장", 5_600_000), ("부장", 6_800_000)]
FAMILY = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ["민준", "서연", "도윤", "지우", "하준", "서윤", "시우", "하은", "주원", "지민", "예준", "수아", "유진", "지호",
         "채원", "현우", "지유", "준서", "다은", "건우"]
CITIES = ["서울", "부산", "대구", "인천", "광주", "대전", "수원", "판교"]
PRODUCTS = [
    ("노트북 프로 14", "전자제품", 1_890_000),
    ("무선 이어폰", "전자제품", 189_000),
    ("스마트워치", "전자제품", 329_000),
    ("사무용 의자", "가구", 259_000),
    ("높이조절 책상", "가구", 419_000),
    ("텀블러", "생활용품", 25_000),
    ("유기농 커피 원두", "식품", 18_000),
    ("녹차 티백", "식품", 9_000),
    ("러닝화", "의류", 129_000),
    ("바람막이 재킷", "의류", 99_000),
    ("보조배터리", "전자제품", 39_000),
    ("공기청정기", "가전", 349_000),
]
GRADES = ["VIP", "GOLD", "SILVER", "BRONZE"]
REGIONS = ["수도권", "영남", "호남", "충청", "강원"]
STATUSES = ["완료", "완료", "완료", "배송중", "취소"]


def _name(rng: random.Random) -> str:
    return rng.choice(FAMILY) + rng.choice(GIVEN)


def _rows(today: date, rng: random.Random) -> dict[str, list[tuple]]:
    departments = [(i + 1, name, loc) for i, (name, loc) in enumerate(DEPARTMENTS)]
    employees = []
    for emp_id in range(1, 61):
        dept = rng.randint(1, len(DEPARTMENTS))
        position, base = rng.choice(POSITIONS)
        hired = today - timedelta(days=rng.randint(10, 365 * 12))
        manager = None if emp_id <= len(DEPARTMENTS) else rng.randint(1, len(DEPARTMENTS))
        employees.append((emp_id, _name(rng), dept, position, base + rng.randint(0, 40) * 10_000,
                          hired.isoformat(), rng.choice(CITIES), manager))
    customers = [(i, _name(rng), rng.choice(CITIES), rng.choice(GRADES),
                  (today - timedelta(days=rng.randint(0, 900))).isoformat()) for i in range(1, 121)]
    products = [(i + 1, *p) for i, p in enumerate(PRODUCTS)]
    orders, items = [], []
    for order_id in range(1, 601):
        placed = today - timedelta(days=rng.randint(0, 540))
        orders.append((order_id, rng.randint(1, 120), placed.isoformat(), rng.choice(STATUSES), rng.choice(REGIONS)))
        for product_id in rng.sample(range(1, len(PRODUCTS) + 1), rng.randint(1, 3)):
            items.append((order_id, product_id, rng.randint(1, 4), PRODUCTS[product_id - 1][2]))
    return {"departments": departments, "employees": employees, "customers": customers, "products": products,
            "orders": orders, "order_items": items}


def create_demo_database(path: str | Path, today: date | None = None, seed: int = 2024) -> Path:
    """(Re)create the demo database; dates are relative to `today` so that "지난달" always has rows."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    rows = _rows(today or clock.today(), random.Random(seed))  # the one clock: a pinned run gets pinned data
    with sqlite3.connect(path) as conn:
        conn.executescript(SCHEMA)
        for table, data in rows.items():
            marks = ", ".join("?" * len(data[0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", data)
    return path
