"""Bind names: readable (the column compared with), valid in every dialect, unique, numbered in reading order."""

from __future__ import annotations

import re

from sqlglot import exp

from text2sql_core.models import TemplateParam

__all__ = ["bind_name", "name_in_reading_order"]

_ORACLE_RESERVED = frozenset(
    """
    access add all alter and any as asc audit between by char check cluster column comment compress
    connect create current date decimal default delete desc distinct drop else exclusive exists file
    float for from grant group having identified immediate in increment index initial insert integer
    intersect into is level like lock long maxextents minus mode modify noaudit nocompress not nowait
    null number of offline on online option or order pctfree prior public raw rename resource revoke row
    rowid rownum rows select session set share size smallint start successful synonym sysdate table then
    to trigger uid union unique update user validate values varchar varchar2 view whenever where with
    limit offset value
    """.split()
)


def bind_name(base: str | None) -> str:
    """A bind name every dialect accepts: lower-case ASCII, not a reserved word."""
    name = re.sub(r"[^0-9a-zA-Z_]", "_", (base or "").lower()).strip("_")
    if not name or not name[0].isalpha():
        name = f"p_{name}" if name else "p"
    return f"p_{name}" if name in _ORACLE_RESERVED else name


def name_in_reading_order(tree: exp.Expression, params: list[TemplateParam], text: str) -> list[TemplateParam]:
    """Params in reading order, so the n-th value of a question lines up with the n-th bind; names numbered in
    that order too (`order_date` is the start of a range, `order_date_2` its end)."""
    ordered = sorted(params, key=lambda p: _position(text, p.name))
    final: dict[str, str] = {}
    for param in ordered:
        base, n = param.name.rsplit("__slot", 1)[0], 1
        name = base
        while name in final.values():
            n += 1
            name = f"{base}_{n}"
        final[param.name] = name
        param.name = name
    for node in tree.find_all(exp.Placeholder):
        if node.name in final:
            node.set("this", final[node.name])
    return ordered


def _position(text: str, name: str) -> int:
    match = re.search(rf":{re.escape(name)}(?![0-9A-Za-z_])", text)
    return match.start() if match else len(text)
