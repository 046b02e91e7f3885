"""The viz page in a real headless Chromium, with the network cut off.

Needs the `playwright` Python package (pip; it does not need Playwright's own
browser download) and a Chromium: /usr/bin/chromium (Debian: `apt-get install
chromium`) or the one GOVGRAPH_CHROMIUM names. Without them the tests skip
on a laptop and FAIL in CI (CI=true), where skipping would hide a broken page.
Screenshots go to tests/artifacts/.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from govgraph.graph.visualise import render_html
from .viz_graph import ALL_NODE_IDS, HOSTILE_QUOTE, IDS, N_EDGES, load_small_graph

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
HINT = ("browser tests need Chromium and playwright: `apt-get install -y chromium` and "
        "`pip install -e '.[test]'` (or set GOVGRAPH_CHROMIUM to a Chromium/Chrome binary)")


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"CI=true but {reason}: the browser tests must run in CI. {HINT}")
    pytest.skip(f"{reason}. {HINT}")


def chromium_path() -> str:
    for candidate in (os.environ.get("GOVGRAPH_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    _unavailable("no Chromium found")


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page with every non-file request aborted and recorded, and console errors collected."""

    def __init__(self, browser, *, bypass_csp: bool = False):
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=bypass_csp,
                                           service_workers="block")
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def _route(self, route):
        url = route.request.url
        if url.startswith("file://"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, path: Path, timeout: float = 120) -> float:
        start = time.monotonic()
        self.page.goto(path.resolve().as_uri())
        # poll from Python: the page's CSP forbids the eval that wait_for_function uses
        while not self.page.evaluate("!!(window.govgraph && window.govgraph.stabilized)"):
            if time.monotonic() - start > timeout:
                raise AssertionError(f"the network did not stabilise in {timeout}s; errors: {self.errors}")
            self.page.wait_for_timeout(100)
        return time.monotonic() - start

    def close(self):
        self.context.close()


@pytest.fixture
def page_html(falkordb_store, tmp_path):
    load_small_graph(falkordb_store)
    out = tmp_path / "small.html"
    render_html(falkordb_store, out)
    return out


def test_page_renders_offline_without_errors(browser, page_html):
    p = Page(browser)
    try:
        p.open(page_html)
        count = p.page.evaluate("window.govgraph.nodes.length")
        drawn = p.page.evaluate("Object.keys(window.govgraph.network.body.nodes).length")
        ids = set(p.page.evaluate("window.govgraph.nodes.getIds()"))
        edges = p.page.evaluate("window.govgraph.edges.length")
        physics = p.page.evaluate("window.govgraph.network.physics.physicsEnabled")
        legend = p.page.inner_text("#legend")
        # clicking a gap in the legend selects its nodes and arrows
        p.page.click('[data-gap="scrutiny-barred"]')
        selected = (p.page.evaluate("window.govgraph.network.getSelectedNodes()"),
                    p.page.evaluate("window.govgraph.network.getSelectedEdges()"))
        status = p.page.inner_text("#status")
        p.page.wait_for_timeout(300)
        ARTIFACTS.mkdir(exist_ok=True)
        p.page.screenshot(path=str(ARTIFACTS / "viz-small.png"))
    finally:
        p.close()
    assert count == drawn == len(ALL_NODE_IDS) and ids == ALL_NODE_IDS
    assert edges == N_EDGES
    assert physics is False, "physics is switched off once the layout has settled"
    assert "Recommendations no one owns" in legend and "Dormant bodies" in legend and "Authority" in legend
    assert "Conflicts of role" not in legend  # a gap query with nothing in the picture is not listed
    assert selected == ([IDS["cpb"]], [f"SCRUTINISES|{IDS['cpb']}|{IDS['dcs']}|not"])
    assert status == "2 selected"
    assert p.blocked == [], f"the page tried to reach the network: {p.blocked}"
    assert all(u.startswith("file://") for u in p.requests), p.requests
    assert p.errors == [], p.errors


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_text_is_shown_never_run(browser, page_html, bypass_csp):
    """With the page's CSP, and without it (so escaping alone must hold), nothing from the minutes runs."""
    p = Page(browser, bypass_csp=bypass_csp)
    try:
        p.open(page_html)
        # hover the hostile node so vis-network shows its tooltip
        pos = p.page.evaluate(
            """(id) => { const n = window.govgraph.network;
                         const c = n.getPositions([id])[id]; return n.canvasToDOM(c); }""", IDS["evil"])
        box = p.page.locator("#network").bounding_box()
        p.page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
        p.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        tooltip = p.page.inner_text("div.vis-tooltip")
        # innerText turns each newline into a <br>; anything else would be markup from the minutes
        injected = p.page.evaluate("document.querySelectorAll('div.vis-tooltip :not(br), img, iframe, object').length")
        pwned = p.page.evaluate("window.__pwned === undefined ? null : window.__pwned")
    finally:
        p.close()
    assert HOSTILE_QUOTE in tooltip, tooltip  # shown, literally, as text
    assert "<script>alert(1)</script>" in tooltip
    assert injected == 0
    assert pwned is None
    assert p.blocked == [] and p.errors == [], (p.blocked, p.errors)
