"""The package's exports load lazily: naming the package does not build the graph stack, and every export resolves."""

from __future__ import annotations

import subprocess
import sys

import text2sql_agent


def test_every_export_resolves() -> None:
    for name in text2sql_agent.__all__:
        assert getattr(text2sql_agent, name) is not None, name


def test_importing_the_package_does_not_import_the_graph() -> None:
    code = "import sys, text2sql_agent; print('text2sql_agent.graph' in sys.modules, 'langgraph' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "False False"
