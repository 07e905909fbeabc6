"""A real browser (Debian's chromium, driven by playwright) against `text2sql serve` on 127.0.0.1 with the demo:
log in, ask, see the SQL, a table and a chart, give a thumbs up, find the candidate in `text2sql templates review`.
A screenshot is kept in test-artifacts/ (or $TEXT2SQL_TEST_ARTIFACTS)."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from text2sql_agent.ui.users import user_entry

CHROMIUM = os.environ.get("TEXT2SQL_TEST_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUESTION = "부서별 직원 수를 알려줘"
ARTIFACTS = Path(os.environ.get("TEXT2SQL_TEST_ARTIFACTS", Path(__file__).parents[4] / "test-artifacts"))

pytestmark = [
    pytest.mark.slow,  # a real server, the demo index and a browser (~40 s here)
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"no chromium at {CHROMIUM}: `apt-get install -y chromium` (.ci/run does)"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str], Path]]:
    folder = tmp_path_factory.mktemp("served")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXT2SQL_")} | {
        "TEXT2SQL_UI__USERS": user_entry("analyst", "pw-분석-1234"), "CHAINLIT_AUTH_SECRET": secrets.token_hex(32)}
    log = (folder / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "text2sql.cli", "serve", "--demo", "--port", str(port)],
                               cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail(f"text2sql serve did not become ready: {(folder / 'server.log').read_text()[-3000:]}")
        yield base, env, folder
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_login_ask_see_sql_table_chart_and_thumbs_up(server: tuple[str, dict[str, str], Path]) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, env, folder = server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        page.goto(f"{base}/chat/")
        page.fill("#email", "analyst")
        page.fill("#password", "pw-분석-1234")
        page.click("button:has-text('Sign In')")
        # The starters (from the indexed templates) show once the chat session is connected.
        expect(page.locator("#starters button").first).to_be_visible(timeout=30_000)
        page.fill("#chat-input", QUESTION)
        page.click("#chat-submit")
        expect(page.locator("pre code").first).to_contain_text("GROUP BY", timeout=60_000)
        table = page.locator("table").first
        expect(table).to_contain_text("개발팀", timeout=30_000)
        assert table.locator("tbody tr").count() >= 2
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=30_000)
        page.locator("button.positive-feedback-off").last.click()
        page.get_by_placeholder("Your feedback...").fill("정확합니다")
        with page.expect_response(lambda r: r.url.endswith("/feedback") and r.request.method == "PUT") as put:
            page.click("#submit-feedback")
        assert put.value.ok, put.value.text()
        expect(page.locator("button.positive-feedback-on").last).to_be_visible(timeout=15_000)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "chat-answer.png"), full_page=True)
        browser.close()
    review = subprocess.run([sys.executable, "-m", "text2sql.cli", "templates", "review"], cwd=folder,
                            env=env | {"COLUMNS": "250"}, capture_output=True, text=True, timeout=120)
    assert review.returncode == 0, review.stderr
    assert QUESTION in review.stdout and "analyst" in review.stdout and "phase1" in review.stdout
    assert shutil.disk_usage(ARTIFACTS).free > 0 and (ARTIFACTS / "chat-answer.png").stat().st_size > 10_000
