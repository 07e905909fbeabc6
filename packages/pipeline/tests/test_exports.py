"""The package's exports load lazily: naming the package does not import pymilvus, and every export resolves."""

from __future__ import annotations

import subprocess
import sys

import text2sql_pipeline


def test_every_export_resolves() -> None:
    for name in text2sql_pipeline.__all__:
        assert getattr(text2sql_pipeline, name) is not None, name
    assert set(text2sql_pipeline.__all__) <= set(dir(text2sql_pipeline))


def test_unknown_name_is_an_attribute_error() -> None:
    try:
        text2sql_pipeline.no_such_export  # noqa: B018 - the lookup itself is under test
    except AttributeError as error:
        assert "no_such_export" in str(error)
    else:
        raise AssertionError("an unknown export resolved")


def test_importing_the_package_does_not_import_milvus() -> None:
    # A fresh interpreter: this test process has long imported pymilvus through other tests.
    code = "import sys, text2sql_pipeline; print('pymilvus' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "False"
