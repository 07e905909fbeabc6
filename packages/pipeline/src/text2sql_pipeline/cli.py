"""`text2sql index …` and `text2sql index-schema …`: the batch commands."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from text2sql_core.db.connect import connection_factory
from text2sql_core.errors import Text2SQLError
from text2sql_core.llm import create_llm_with_retry
from text2sql_core.models import TableSchema
from text2sql_core.schema import create_schema_loader
from text2sql_core.settings import UnifiedSettings
from text2sql_pipeline.index import TableStore, connect_milvus
from text2sql_pipeline.ingest import HistoryFilters, expand_paths, read_oracle_history, read_template_file
from text2sql_pipeline.run import index_rows, template_store
from text2sql_pipeline.summary import IndexSummary

__all__ = ["app", "index_command", "index_schema_command"]

app = typer.Typer(help="Index SQL templates and schemas into Milvus.", no_args_is_help=True)
err_console = Console(stderr=True, soft_wrap=True)
log = logging.getLogger(__name__)


def _fail(err: Text2SQLError) -> None:
    err_console.print(f"[red]error[/red] [{err.code}] {err.message}")
    raise typer.Exit(2)


def _schemas_for_descriptions(settings: UnifiedSettings, datasource: str) -> dict[str, list[TableSchema]]:
    """Best effort: table and column comments make better descriptions, but indexing must not need them."""
    try:
        return {datasource: create_schema_loader(settings, datasource).load_tables()}
    except Exception as err:
        log.info("schema not available for descriptions (%s)", err)
        return {}


def _run_with_progress(rows: object, settings: UnifiedSettings, datasource: str, collection: str | None,
                       drop: bool, show_progress: bool) -> IndexSummary:
    store = template_store(settings, collection=collection)
    llm = create_llm_with_retry(settings)
    with Progress(TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, disable=not show_progress, transient=True) as bar:
        task = bar.add_task("index", total=None)

        def advance(n: int, total: int) -> None:
            bar.update(task, advance=n, total=total)

        return index_rows(rows, store, schemas=_schemas_for_descriptions(settings, datasource), llm=llm,  # type: ignore[arg-type]
                          drop=drop, progress=advance)


def _report(summary: IndexSummary, as_json: bool) -> None:
    for row in summary.skipped:
        err_console.print(f"[yellow]skipped[/yellow] {row}")
    if as_json:
        for line in summary.lines():
            err_console.print(line)
        sys.stdout.write(summary.to_json() + "\n")
    else:
        for line in summary.lines():
            typer.echo(line)
    if summary.templates == 0:
        err_console.print("[red]nothing could be indexed[/red]: no valid template in the input.")
        raise typer.Exit(1)


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
    oracle_history: Annotated[bool, typer.Option("--oracle-history", help="Read SELECTs from Oracle's V$SQL")] = False,
    parsing_schema: Annotated[list[str] | None, typer.Option(help="History: parsing schema(s) to keep")] = None,
    min_executions: Annotated[int, typer.Option(help="History: minimum executions")] = 2,
    since: Annotated[datetime | None, typer.Option(help="History: last active since (YYYY-MM-DD)")] = None,
    awr: Annotated[bool, typer.Option("--awr", help="History: also DBA_HIST_SQLTEXT (Diagnostics Pack)")] = False,
    max_rows: Annotated[int, typer.Option(help="History: at most this many statements")] = 10000,
) -> None:
    """Index SQL templates from files or from Oracle SQL history. 템플릿 파일 또는 오라클 SQL 이력을 색인합니다."""
    settings = UnifiedSettings()
    ds = datasource or settings.default_datasource
    try:
        if oracle_history:
            conn = settings.connection("schema", ds)
            filters = HistoryFilters(parsing_schemas=parsing_schema, min_executions=min_executions, since=since,
                                     include_awr=awr, max_rows=max_rows)
            rows = list(read_oracle_history(connection_factory(conn), filters, ds))
        else:
            if not paths:
                raise typer.BadParameter("give template files or folders, or --oracle-history")
            file_dialect = dialect or settings.dialect_for(ds)
            defaults = {"datasource": ds, "dialect": file_dialect}
            rows = [row for path in expand_paths(paths) for row in read_template_file(path, defaults)]
        summary = _run_with_progress(rows, settings, ds, collection, drop, show_progress=len(rows) > 200)
    except Text2SQLError as err:
        _fail(err)
        return
    _report(summary, as_json)


@app.command("index-schema")
def index_schema_command(
    datasource: Annotated[str | None, typer.Option(help="Datasource whose schema to index")] = None,
    drop: Annotated[bool, typer.Option("--drop", help="Drop and rebuild the collection")] = False,
) -> None:
    """Index one document per table for Phase 2 schema retrieval. 테이블 문서를 색인합니다."""
    settings = UnifiedSettings()
    ds = datasource or settings.default_datasource
    try:
        tables = create_schema_loader(settings, ds).load_tables()
        from text2sql_core.embeddings import create_embeddings

        store = TableStore(connect_milvus(settings.milvus), settings.milvus.schema_collection,
                           create_embeddings(settings), settings.embedding.dimension)
        if drop:
            store.collection.drop()
        counts = store.index(ds, tables)
    except Text2SQLError as err:
        _fail(err)
        return
    typer.echo(f"{ds}: {len(tables)} tables, indexed {counts.indexed}, unchanged {counts.unchanged}")
