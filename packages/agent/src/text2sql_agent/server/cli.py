"""`text2sql serve`: A2A, the agent card, health checks and the chat in one uvicorn process."""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from text2sql_core.errors import Text2SQLError
from text2sql_core.settings import UnifiedSettings

__all__ = ["serve_command"]


def _no_database_configured(settings: UnifiedSettings) -> bool:
    return not (settings.oracle.schema_.is_configured or settings.oracle.oltp.is_configured or settings.datasources)


def _prepare(settings: UnifiedSettings, demo: bool | None) -> UnifiedSettings:
    if demo is None:
        demo = _no_database_configured(settings)
    if not demo:
        return settings
    from text2sql_agent.demo.runner import prepare_demo

    settings, summary = prepare_demo(settings)
    typer.echo(f"demo database {settings.data_dir / 'demo.db'}; {summary.templates} templates", err=True)
    return settings


def serve_command(
    host: Annotated[str | None, typer.Option(help="Address to listen on [TEXT2SQL_SERVER__HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [TEXT2SQL_SERVER__PORT]")] = None,
    demo: Annotated[bool | None, typer.Option("--demo/--no-demo", help="Serve the sample database (default: "
                                              "when no database is configured)")] = None,
    chat: Annotated[bool | None, typer.Option("--chat/--no-chat", help="Mount the chat at /chat "
                                              "[TEXT2SQL_UI__ENABLED]")] = None,
) -> None:
    """Serve A2A (/a2a), the agent card, /healthz, /readyz and the chat (/chat). A2A 서버와 채팅을 띄웁니다."""
    import uvicorn

    from text2sql_agent.server.app import create_app
    from text2sql_agent.server.exposure import check_exposure

    settings = UnifiedSettings()
    host, port = host or settings.server.host, port or settings.server.port
    settings = settings.model_copy(update={"server": settings.server.model_copy(update={"host": host, "port": port})})
    chat = settings.ui.enabled if chat is None else chat
    logging.getLogger("text2sql").setLevel(settings.log_level.upper())
    try:
        check_exposure(settings, host, chat)
        app = create_app(_prepare(settings, demo), chat=chat)
    except Text2SQLError as err:
        typer.echo(f"error [{err.code}] {err.message}", err=True)
        raise typer.Exit(2) from None
    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=settings.server.trust_forwarded_for)
