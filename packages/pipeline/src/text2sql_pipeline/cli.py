"""`text2sql index …` and `text2sql index-schema …`: the batch commands.

Only typer and rich at import: Milvus, the models and the database drivers are imported when a command runs.
Progress goes to stderr — a bar on a terminal, a line every `--progress-every` rows when piped — and Ctrl-C
prints what was stored before it stopped.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

if TYPE_CHECKING:
    from text2sql_core.errors import Text2SQLError
    from text2sql_core.models import TableSchema
    from text2sql_core.settings import UnifiedSettings
    from text2sql_pipeline.summary import IndexSummary

__all__ = ["app", "index_command", "index_schema_command"]

app = typer.Typer(help="Index SQL templates and schemas into Milvus.", no_args_is_help=True)
err_console = Console(stderr=True, soft_wrap=True)
log = logging.getLogger(__name__)
INTERRUPTED_EXIT = 130  # the shell's code for a run stopped by Ctrl-C (128 + SIGINT)
MAX_WARNINGS_SHOWN = 20


def _fail(err: Text2SQLError) -> None:
    from rich.markup import escape

    err_console.print(f"[red]error[/red] {escape(f'[{err.code}] {err.message}')}", highlight=False)
    raise typer.Exit(2)


def _schemas_for_descriptions(settings: UnifiedSettings, datasource: str) -> dict[str, list[TableSchema]]:
    """Best effort: comments make better descriptions and the schema catches unknown names; not required."""
    from text2sql_core.schema import create_schema_loader

    try:
        return {datasource: create_schema_loader(settings, datasource).load_tables()}
    except Exception as err:
        log.info("schema not available for descriptions and name checks (%s)", err)
        return {}


class _PipedProgress:
    """A line every `every` rows, for logs and CI where a bar would be invisible or garbage."""

    def __init__(self, every: int):
        self.every, self.started, self.done = max(every, 1), time.perf_counter(), 0

    def read(self, count: int) -> None:
        if count % self.every == 0:
            err_console.print(f"reading: {count} rows ({time.perf_counter() - self.started:.1f} s)", highlight=False)

    def advance(self, n: int, total: int) -> None:
        before, self.done = self.done, self.done + n
        crossed = self.done // self.every > before // self.every
        if crossed or (self.done == total > self.every and before < total):
            err_console.print(f"indexing: {self.done}/{total} templates ({100 * self.done // max(total, 1)}%, "
                              f"{time.perf_counter() - self.started:.1f} s)", highlight=False)


def _run(rows: Any, settings: UnifiedSettings, datasource: str, collection: str | None, drop: bool,
         progress_every: int) -> IndexSummary:
    from text2sql_core.llm import create_llm_with_retry
    from text2sql_pipeline.run import index_rows, template_store

    store = template_store(settings, collection=collection)
    options: dict[str, Any] = {"schemas": _schemas_for_descriptions(settings, datasource),
                               "llm": create_llm_with_retry(settings), "drop": drop}
    if not err_console.is_terminal:
        piped = _PipedProgress(progress_every)
        return index_rows(rows, store, progress=piped.advance, on_read=piped.read, **options)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True) as bar:
        task = bar.add_task("reading", total=None)

        def advance(n: int, total: int) -> None:
            bar.update(task, description="indexing", advance=n, total=total)

        def read(count: int) -> None:
            bar.update(task, completed=count)

        return index_rows(rows, store, progress=advance, on_read=read, **options)


def _report(summary: IndexSummary, as_json: bool) -> None:
    from rich.markup import escape  # file names, SQL and reasons are the user's text: q'[…]' is not markup

    for row in summary.skipped:
        err_console.print(f"[yellow]skipped[/yellow] {escape(str(row))}", highlight=False)
    for warning in summary.warnings[:MAX_WARNINGS_SHOWN]:
        err_console.print(f"[yellow]warning[/yellow] {escape(warning)}", highlight=False)
    if len(summary.warnings) > MAX_WARNINGS_SHOWN:
        err_console.print(f"[yellow]warning[/yellow] … and {len(summary.warnings) - MAX_WARNINGS_SHOWN} more "
                          "templates naming what the schema does not have")
    show: Callable[[str], None] = (lambda line: err_console.print(line, markup=False)) if as_json else typer.echo
    for line in summary.lines():
        show(line)
    if as_json:
        sys.stdout.write(summary.to_json() + "\n")


def _read_rows(paths: list[Path] | None, settings: UnifiedSettings, datasource: str, dialect: str | None,
               history: dict[str, Any] | None) -> Any:
    from text2sql_pipeline.ingest import HistoryFilters, expand_paths, read_oracle_history, read_template_file

    if history is not None:
        from text2sql_core.db.connect import connection_factory

        conn = settings.connection("schema", datasource)
        return list(read_oracle_history(connection_factory(conn), HistoryFilters(**history), datasource))
    if not paths:
        raise typer.BadParameter("give template files or folders, or --oracle-history")
    defaults = {"datasource": datasource, "dialect": dialect or settings.dialect_for(datasource)}
    # a generator: files are read while templates are processed, so progress and Ctrl-C see the reading too
    return (row for path in expand_paths(paths) for row in read_template_file(path, defaults))


@app.command("index")
def index_command(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Template files or folders (.jsonl .json .yaml .csv .sql)")
    ] = None,
    datasource: Annotated[str | None, typer.Option(help="Datasource the templates run against")] = None,
    collection: Annotated[str | None, typer.Option(help="Milvus collection (default from settings)")] = None,
    dialect: Annotated[str | None, typer.Option(help="SQL dialect of the files (default: the datasource's)")] = None,
    drop: Annotated[bool, typer.Option("--drop", help="Drop and rebuild the collection")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as one JSON line on stdout")] = False,
    progress_every: Annotated[int, typer.Option(help="When not on a terminal: a progress line every N rows")] = 1000,
    oracle_history: Annotated[bool, typer.Option("--oracle-history", help="Read SELECTs from Oracle's V$SQL")] = False,
    parsing_schema: Annotated[list[str] | None, typer.Option(help="History: parsing schema(s) to keep")] = None,
    min_executions: Annotated[int, typer.Option(help="History: minimum executions")] = 2,
    since: Annotated[datetime | None, typer.Option(help="History: last active since (YYYY-MM-DD)")] = None,
    awr: Annotated[bool, typer.Option("--awr", help="History: also DBA_HIST_SQLTEXT (Diagnostics Pack)")] = False,
    max_rows: Annotated[int, typer.Option(help="History: at most this many statements")] = 10000,
) -> None:
    """Index SQL templates from files or from Oracle SQL history. 템플릿 파일 또는 오라클 SQL 이력을 색인합니다."""
    from text2sql_core.errors import Text2SQLError
    from text2sql_core.settings import UnifiedSettings
    from text2sql_pipeline.run import IndexInterrupted

    settings = UnifiedSettings()
    ds = datasource or settings.default_datasource
    history = (dict(parsing_schemas=parsing_schema, min_executions=min_executions, since=since, include_awr=awr,
                    max_rows=max_rows) if oracle_history else None)
    try:
        rows = _read_rows(paths, settings, ds, dialect, history)
        summary = _run(rows, settings, ds, collection, drop, progress_every)
    except IndexInterrupted as stopped:
        _ignore_ctrl_c()  # a second Ctrl-C must not cut off the summary of what the first one left stored
        _report(stopped.summary, as_json)
        raise typer.Exit(INTERRUPTED_EXIT) from None
    except Text2SQLError as err:
        _fail(_explained(err, settings, "schema", ds) if history is not None else err)
        return
    _report(summary, as_json)
    if summary.templates == 0:
        err_console.print("[red]nothing could be indexed[/red]: no valid template in the input.")
        raise typer.Exit(1)


def _ignore_ctrl_c() -> None:
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():  # signal handlers live on the main thread only
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _explained(err: Text2SQLError, settings: UnifiedSettings, kind: str, datasource: str) -> Text2SQLError:
    from text2sql_pipeline.unreachable import as_unreachable

    return as_unreachable(err, settings, kind, datasource) or err  # type: ignore[arg-type]


@app.command("index-schema")
def index_schema_command(
    datasource: Annotated[str | None, typer.Option(help="Datasource whose schema to index")] = None,
    drop: Annotated[bool, typer.Option("--drop", help="Drop and rebuild the collection")] = False,
    values: Annotated[bool | None, typer.Option(
        "--values/--no-values", help="Also read the value index from the OLTP database (default: "
        "TEXT2SQL_VALUES__ENABLED)")] = None,
    values_only: Annotated[bool, typer.Option(
        "--values-only", help="Only refresh the value index (e.g. on a schedule). 값 색인만 새로 읽습니다")] = False,
) -> None:
    """Index one document per table for Phase 2 schema retrieval, and the columns' values for Phase 1.
    테이블 문서와 컬럼 값을 색인합니다."""
    from text2sql_core.errors import Text2SQLError
    from text2sql_core.settings import UnifiedSettings

    settings = UnifiedSettings()
    ds = datasource or settings.default_datasource
    build = None
    try:
        from text2sql_core.schema import create_schema_loader

        try:
            tables = create_schema_loader(settings, ds).load_tables()
        except Text2SQLError as err:
            raise _explained(err, settings, "schema", ds) from err
        if not values_only:
            from text2sql_core.embeddings import create_embeddings
            from text2sql_pipeline.index import TableStore, connect_milvus

            store = TableStore(connect_milvus(settings.milvus), settings.milvus.schema_collection,
                               create_embeddings(settings), settings.embedding.dimension)
            if drop:
                store.collection.drop()
            counts = store.index(ds, tables)
            typer.echo(f"{ds}: {len(tables)} tables, indexed {counts.indexed}, unchanged {counts.unchanged}")
        if values_only or (settings.values.enabled if values is None else values):
            from text2sql_pipeline.values import index_values

            try:
                build = index_values(settings, ds, tables=tables)
            except Text2SQLError as err:
                err = _explained(err, settings, "oltp", ds)
                if values_only or values:
                    raise err from None
                # Asked for the tables only: they are indexed; the values are a warning, not a failed command.
                err_console.print(f"values not indexed: [{err.code}] {err.message}", highlight=False, markup=False)
    except Text2SQLError as err:
        _fail(err)
        return
    if build is not None:
        typer.echo(f"{ds}: values of {len(build.columns)} columns indexed ({build.value_count} values), "
                   f"{len(build.skipped)} columns skipped")
        for table, column, why in build.skipped:
            err_console.print(f"  skipped {table}.{column}: {why}", highlight=False, markup=False)
