"""Commands imported only when they run: `text2sql --help` must not pay for LangGraph, Milvus or the models.

Each command is declared by name, module, attribute and a one-line help. The help listing is built from those
declarations (nothing is imported); a command's module is imported when that command is invoked (or its own
`--help` is asked for). An import that fails is reported in one line naming the command and the module —
never hidden behind "No such command".
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from typing import ClassVar

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info, get_group
from typer.models import CommandInfo

__all__ = ["LOAD_FAILED_CODE", "LazyCommand", "LazyGroup"]

log = logging.getLogger("text2sql.cli")
Command = TyperCommand | TyperGroup


# A command's module could not be imported: the install is broken, or the module has a bug.
LOAD_FAILED_CODE = "CLI_COMMAND_UNAVAILABLE"


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error [{LOAD_FAILED_CODE}] {message}", err=True)
    return typer.Exit(2)


@dataclass(frozen=True)
class LazyCommand:
    name: str
    module: str
    attribute: str
    help: str  # the listing's line; a test keeps it equal to the command's own first line
    prepare: str | None = None  # "module:function" run before the import (e.g. start loads in the background)

    def load(self) -> Command:
        if self.prepare:
            module_name, _, function = self.prepare.partition(":")
            try:
                getattr(importlib.import_module(module_name), function)()
            except Exception:  # a head start, never a reason for the command not to run
                log.debug("preparing %s failed", self.name, exc_info=True)
        try:
            module = importlib.import_module(self.module)
        except Exception as err:  # ImportError, or any error raised while the module runs its top level
            log.debug("importing %s failed", self.module, exc_info=True)
            raise _fail(
                f"the command '{self.name}' could not be loaded: importing {self.module} failed with "
                f"{type(err).__name__}: {err}. Reinstall (`uv sync`) or fix that module; "
                "TEXT2SQL_LOG_LEVEL=DEBUG shows the traceback. "
                f"/ '{self.name}' 명령을 불러오지 못했습니다: {self.module} 가져오기 실패."
            ) from None
        target = getattr(module, self.attribute, None)
        if target is None:
            raise _fail(f"the command '{self.name}' could not be loaded: {self.module} has no "
                        f"'{self.attribute}'. Reinstall (`uv sync`) or fix that module.")
        if isinstance(target, typer.Typer):
            group = get_group(target)
            group.name = self.name
            return group
        return get_command_from_info(CommandInfo(name=self.name, callback=target), pretty_exceptions_short=True,
                                     rich_markup_mode="rich")

    def placeholder(self) -> TyperCommand:
        """What the help listing shows: name and help, no import."""
        return TyperCommand(self.name, help=self.help, short_help=self.help)


class LazyGroup(TyperGroup):
    """A Typer group whose `lazy` commands are imported on first use (see the module docstring)."""

    lazy: ClassVar[dict[str, LazyCommand]] = {}

    def list_commands(self, ctx: typer.Context) -> list[str]:
        return [*super().list_commands(ctx), *(n for n in self.lazy if n not in self.commands)]

    def get_command(self, ctx: typer.Context, cmd_name: str) -> Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        spec = self.lazy.get(cmd_name)
        return spec.placeholder() if spec else None

    def resolve_command(self, ctx: typer.Context, args: list[str]) -> tuple[str | None, Command | None,
                                                                            list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if name in self.lazy and name not in self.commands:
            command = self.commands[name] = self.lazy[name].load()
        return name, command, rest

    def load_all(self) -> dict[str, Command]:
        """Every command, imported (for tests and the benchmark)."""
        for name, spec in self.lazy.items():
            self.commands.setdefault(name, spec.load())
        return dict(self.commands)
