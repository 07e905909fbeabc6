"""`text2sql serve`: A2A, the agent card, health checks and the chat in one uvicorn process; `--check` runs the
readiness checks once instead."""

from __future__ import annotations

from typing import Annotated

import typer
from pydantic import ValidationError

from text2sql_core.connection import mask_url_secrets
from text2sql_core.errors import Text2SQLError
from text2sql_core.invalid_settings import invalid_settings_lines
from text2sql_core.logconfig import configure_logging
from text2sql_core.settings import UnifiedSettings

__all__ = ["serve_command"]


def _prepare(settings: UnifiedSettings, demo: bool | None) -> UnifiedSettings:
    """The demo database only when asked (--demo or TEXT2SQL_DEMO=true); otherwise the configured one, checked
    now so that a missing database is one line at start-up rather than a failure at the first question."""
    if not (settings.demo if demo is None else demo):
        settings.connection("oltp")  # DATABASE_NOT_CONFIGURED, UNSUPPORTED_DATABASE_URL … said before serving
        return settings
    from text2sql_agent.demo.runner import prepare_demo

    settings, summary = prepare_demo(settings)
    typer.echo(f"demo database {settings.data_dir / 'demo.db'}; {summary.templates} templates", err=True)
    return settings


def serve_command(
    host: Annotated[str | None, typer.Option(help="Address to listen on [TEXT2SQL_SERVER__HOST]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [TEXT2SQL_SERVER__PORT]")] = None,
    demo: Annotated[bool | None, typer.Option("--demo/--no-demo", help="Serve the sample database "
                                              "[TEXT2SQL_DEMO]")] = None,
    chat: Annotated[bool | None, typer.Option("--chat/--no-chat", help="Mount the chat at /chat "
                                              "[TEXT2SQL_UI__ENABLED]")] = None,
    check: Annotated[bool, typer.Option("--check", help="Warm up and run the readiness checks once, print each "
                                        "dependency, exit 0 when ready and 1 otherwise; no server starts.")] = False,
) -> None:
    """Serve A2A (/a2a), the agent card, /healthz, /readyz and the chat (/chat). A2A 서버와 채팅을 띄웁니다."""
    from text2sql_agent.server.app import create_app
    from text2sql_agent.server.exposure import check_exposure

    failed_exit = 1 if check else 2
    try:
        settings = UnifiedSettings()
        host, port = host or settings.server.host, port or settings.server.port
        server = settings.server.model_copy(update={"host": host, "port": port})
        settings = settings.model_copy(update={"server": server})
        # The chat is one Chainlit app per process, global state: --check builds the A2A side only.
        chat = (settings.ui.enabled if chat is None else chat) and not check
        configure_logging(settings)
        check_exposure(settings, host, chat)
        settings = _prepare(settings, demo)
        app = create_app(settings, chat=chat)
    except Text2SQLError as err:
        typer.echo(f"error [{err.code}] {mask_url_secrets(err.message)}", err=True)
        raise typer.Exit(failed_exit) from None
    except ValidationError as err:
        for line in invalid_settings_lines(err):
            typer.echo(f"error [CONFIGURATION_ERROR] {line}", err=True)
        raise typer.Exit(failed_exit) from None
    if check:
        from text2sql_agent.server.check import run_check

        raise typer.Exit(0 if run_check(settings, app.warmup, typer.echo) else 1)
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=settings.server.trust_forwarded_for)
