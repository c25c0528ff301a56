"""The review workspace driven in headless Chromium (Debian's package) through Playwright.

The store is filled by the real pipeline from born-digital sample documents plus one invoice whose text
carries <script> and HTML. The server is the real app under uvicorn on a free port. Screenshots go to a
pytest temporary folder and are copied to $ORETRACE_TEST_ARTIFACTS (default tests/artifacts/, git-ignored).

The tests run in file order and build on each other (one workspace per module), following a reviewer's
and then an auditor's path through the "done when" list.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import Engine

from oretrace.review import auth
from oretrace.review.auth import Role
from oretrace.store.audit import verify_chain
from oretrace.store.db import session_scope
from tests.review_fixtures import (
    HOSTILE_SHIPMENT,
    HOSTILE_TEXT,
    SampleStore,
    cheap_password_hashing,
    fill_sample_store,
    sqlite_engine,
)

pytestmark = pytest.mark.slow

playwright_sync = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS_ENV = "ORETRACE_TEST_ARTIFACTS"
PASSWORD = "correct horse battery"


class Workspace:
    def __init__(self, url: str, engine: Engine, sample: SampleStore, shots: Path) -> None:
        self.url = url
        self.engine = engine
        self.sample = sample
        self.shots = shots
        self.decided_finding: int | None = None
        self.portfolio_finding: int | None = None

    def screenshot(self, page: object, name: str) -> Path:
        path = self.shots / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
        artifacts = Path(os.environ.get(ARTIFACTS_ENV) or Path(__file__).parent / "artifacts")
        artifacts.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, artifacts / path.name)
        return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    import uvicorn

    from oretrace.review.web.app import create_app
    from oretrace.store.db import migrate

    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium package is not installed (scripts/install-system-deps.sh)")
    root = tmp_path_factory.mktemp("workspace")
    engine = sqlite_engine(root)
    migrate(engine)
    sample = fill_sample_store(engine, root)
    hashing = ExitStack()
    hashing.enter_context(cheap_password_hashing())
    with session_scope(engine) as session:
        for name, role in (("alice", Role.REVIEWER), ("bob", Role.REVIEWER), ("carol", Role.AUDITOR)):
            auth.add_user(session, name, role, PASSWORD, by="cli")
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(engine, sample.home), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    shots = tmp_path_factory.mktemp("screenshots")
    try:
        yield Workspace(f"http://127.0.0.1:{port}", engine, sample, shots)
    finally:
        server.should_exit = True
        thread.join(10)
        engine.dispose()
        hashing.close()


@pytest.fixture(scope="module")
def browser(workspace: Workspace) -> Iterator[object]:
    with playwright_sync.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _page(browser: object, workspace: Workspace, width: int = 1360, height: int = 900) -> object:
    viewport = {"width": width, "height": height}
    context = browser.new_context(base_url=workspace.url, viewport=viewport)  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors  # type: ignore[attr-defined]
    return page


def _login(page: object, name: str) -> None:
    page.goto("/")  # type: ignore[attr-defined]
    page.fill("#name", name)  # type: ignore[attr-defined]
    page.fill("#password", PASSWORD)  # type: ignore[attr-defined]
    page.click("#login-form button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_selector("#whoami")  # type: ignore[attr-defined]
    # The dashboard is the first page after login, whatever the role.
    assert page.url.split("?")[0].endswith("/dashboard"), page.url  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def reviewer(browser: object, workspace: Workspace) -> Iterator[object]:
    page = _page(browser, workspace)
    # A wrong password first: refused with a message, no session.
    page.goto("/")
    page.fill("#name", "alice")
    page.fill("#password", "not the password")
    page.click("#login-form button[type=submit]")
    assert page.text_content("#login-error") == "Wrong user name or password."
    workspace.screenshot(page, "01-login-refused")
    _login(page, "alice")
    yield page
    page.context.close()


# --- the reviewer's path ------------------------------------------------------------------------------------


def test_login_shows_the_queue_with_counts(reviewer: object, workspace: Workspace) -> None:
    page = reviewer
    assert page.text_content("#whoami") == "alice (reviewer)"
    page.click("#nav-queue")
    page.wait_for_url(f"{workspace.url}/")
    rows = page.locator("#queue-table tr.row")
    expected = sum(len(r.findings) for r in workspace.sample.results.values())
    assert rows.count() == expected > 0
    assert page.text_content('#counts a[data-status="open"] b') == str(expected)
    cookie = next(c for c in page.context.cookies() if c["name"] == "oretrace_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    workspace.screenshot(page, "02-queue")


def test_filter_the_queue(reviewer: object, workspace: Workspace) -> None:
    page = reviewer
    page.select_option("#f-severity", "high")
    page.click("#apply-filters")
    page.wait_for_url("**/?*severity=high*")
    severities = page.locator("#queue-table tr.row .sev").all_text_contents()
    assert severities and set(severities) == {"high"}
    highs = sum(1 for r in workspace.sample.results.values() for f in r.findings if f.severity.value == "high")
    assert len(severities) == highs

    page.fill("#f-shipment", HOSTILE_SHIPMENT)
    page.select_option("#f-check", "smelter_origin_mismatch")
    page.click("#apply-filters")
    page.wait_for_url("**check=smelter_origin_mismatch*")
    rows = page.locator("#queue-table tr.row")
    hostile = workspace.sample.results[HOSTILE_SHIPMENT]
    assert rows.count() == sum(1 for f in hostile.findings if f.check == "smelter_origin_mismatch") == 2
    assert set(page.locator("#queue-table tr.row td:nth-child(4)").all_text_contents()) == {HOSTILE_SHIPMENT}
    workspace.screenshot(page, "03-queue-filtered")


def test_open_a_finding_and_see_the_highlight(reviewer: object, workspace: Workspace) -> None:
    page = reviewer
    page.keyboard.press("Enter")  # the first row is selected; Enter opens it
    page.wait_for_url("**/findings/*")
    heading = page.text_content("h1").strip()
    assert heading.endswith("smelter_origin_mismatch") and "A named smelter is in another country" in heading
    figure = page.locator(".page-figure").first
    image = figure.locator("img.page-img")
    image.wait_for()
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    boxes = figure.locator("rect.evidence-box")
    assert boxes.count() >= 1

    # The highlight sits where the evidence's bbox says, over ink on the rendered page.
    img_box = image.bounding_box()
    rect_box = boxes.first.bounding_box()
    assert img_box and rect_box
    x = float(boxes.first.get_attribute("x").rstrip("%")) / 100
    y = float(boxes.first.get_attribute("y").rstrip("%")) / 100
    assert abs((rect_box["x"] - img_box["x"]) / img_box["width"] - x) < 0.01
    assert abs((rect_box["y"] - img_box["y"]) / img_box["height"] - y) < 0.01
    png = page.request.get(image.get_attribute("src"))
    assert png.ok and png.headers["content-type"] == "image/png"
    rendered = Image.open(io.BytesIO(png.body())).convert("L")
    w = float(boxes.first.get_attribute("width").rstrip("%")) / 100
    h = float(boxes.first.get_attribute("height").rstrip("%")) / 100
    crop = rendered.crop(
        (
            int(x * rendered.width),
            int(y * rendered.height),
            int((x + w) * rendered.width),
            int((y + h) * rendered.height),
        )
    )
    dark = sum(1 for v in crop.tobytes() if v < 128)
    assert dark > 0.03 * crop.width * crop.height, "the highlighted box holds no text"

    compared = page.locator("#compared-values tbody tr")
    assert compared.count() >= 2
    assert "Thailand" in compared.first.text_content()
    figure.screenshot(path=str(workspace.shots / "04-evidence-highlight.png"))
    workspace.screenshot(page, "04-finding")


def test_decide_with_the_keyboard(reviewer: object, workspace: Workspace) -> None:
    page = reviewer
    finding_id = int(page.url.split("/findings/")[1].split("?")[0])
    assert page.text_content("#finding-status") == "open"
    page.keyboard.press("c")
    assert page.is_checked("#action-confirm")
    assert page.evaluate("document.activeElement.id") == "note"
    page.keyboard.type("Smelter is in Oman; origin claim contradicted. <img src=x onerror=window.__pwned=3>")
    workspace.screenshot(page, "05-deciding")
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    # On to the next finding of the filtered queue.
    assert f"/findings/{finding_id}" not in page.url
    page.goto(f"/findings/{finding_id}")
    assert page.text_content("#finding-status") == "confirmed"
    assert page.text_content("#finding-version") == "2"
    decision = page.locator("#decisions li").first
    assert "confirm" in decision.text_content() and "alice" in decision.text_content()
    assert "<img src=x onerror=window.__pwned=3>" in decision.locator("blockquote").text_content()
    assert page.evaluate("window.__pwned === undefined")
    workspace.decided_finding = finding_id
    workspace.screenshot(page, "06-decided")


def test_script_in_document_text_shows_as_text(reviewer: object, workspace: Workspace) -> None:
    page = reviewer
    page.goto(f"/shipments/{HOSTILE_SHIPMENT}")
    assert HOSTILE_TEXT in page.locator("body").inner_text()
    page.goto(f"/?status=all&check=origin_text_contradiction&shipment={HOSTILE_SHIPMENT}")
    page.click("#queue-table tr.row a.open-finding")
    page.wait_for_url("**/findings/*")
    page.wait_for_load_state("load")
    body = page.locator("body").inner_text()
    assert "<script>window.__pwned=1</script>" in body and "<b>Hunan</b>" in body
    # Only the workspace's own script; no element came from the document's text.
    assert page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))") == ["/static/app.js"]
    assert page.locator("b:text('Hunan'), i:text('China'), img[src='x']").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    assert page.js_errors == []
    workspace.screenshot(page, "07-hostile-text")
    response = page.request.get(page.url)
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_two_reviewers_at_once_one_sees_a_conflict(reviewer: object, browser: object, workspace: Workspace) -> None:
    alice = reviewer
    bob = _page(browser, workspace)
    _login(bob, "bob")
    alice.goto(f"/?shipment={HOSTILE_SHIPMENT}&check=missing_document")
    finding_url = alice.locator("#queue-table tr.row a.open-finding").first.get_attribute("href").split("?")[0]
    alice.goto(finding_url)
    bob.goto(finding_url)
    alice.keyboard.press("d")
    alice.keyboard.type("A packing list is not required for this route.")
    with alice.expect_navigation():
        alice.keyboard.press("Control+Enter")
    bob.keyboard.press("e")
    bob.keyboard.type("Escalating: the packing list matters.")
    with bob.expect_navigation():
        bob.keyboard.press("Control+Enter")
    conflict = bob.locator("#conflict")
    assert conflict.is_visible()
    assert "dismiss" in conflict.text_content() and "alice" in conflict.text_content()
    assert bob.text_content("#finding-status") == "dismissed"
    assert bob.input_value("#decision-form input[name=version]") == "2"
    assert bob.input_value("#note") == "Escalating: the packing list matters."
    workspace.screenshot(bob, "08-conflict")
    bob.context.close()


def _finding(page: object, finding_id: int) -> dict:
    return page.request.get(f"/api/findings/{finding_id}").json()  # type: ignore[attr-defined]


def _current_finding(page: object) -> int:
    # /findings/ID, or /findings/ID/decide when the page is the answer to a refused decision.
    return int(page.url.split("/findings/")[1].split("?")[0].split("/")[0])  # type: ignore[attr-defined]


def test_a_note_typed_after_an_error_stays_on_its_finding(browser: object, workspace: Workspace) -> None:
    """The reported sequence: `c`, Ctrl+Enter with no note, then typing the note. The note must end up on the
    finding it was typed for, whole, and no other finding may change."""
    page = _page(browser, workspace)
    _login(page, "bob")
    page.goto("/?shipment=SHP-2025-0005")
    ids = [int(i) for i in page.locator("#queue-table tr.row").evaluate_all("rows => rows.map(r => r.dataset.finding)")]
    assert len(ids) == 3
    first, second, third = ids
    note = "Confirmed: the invoice names a smelter in another country; escalation not needed."

    # 1. The keys as the reviewer pressed them, then what became of each finding.
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/findings/{first}?*")
    page.keyboard.press("c")
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(300)
    workspace.screenshot(page, "12-note-required")
    page.keyboard.type(note)
    page.keyboard.press("Control+Enter")
    page.wait_for_timeout(1000)
    page.wait_for_load_state()
    decided, other = _finding(page, first), _finding(page, second)
    assert (decided["status"], [d["note"] for d in decided["decisions"]]) == ("confirmed", [note])
    assert (other["status"], other["version"], other["decisions"]) == ("open", 1, [])
    # The empty note was caught in the page (nothing sent); the save then moved on to the next finding.
    assert _current_finding(page) == second
    assert page.text_content("#submit-decision").startswith(f"Save decision on finding {second}")

    # 2. If the server refuses the decision (here: the empty note sent without the page's checks), it comes
    # back with the chosen action and the note box focused, and typing goes into the note.
    page.keyboard.press("c")
    with page.expect_navigation():
        page.evaluate("document.getElementById('decision-form').submit()")
    assert _current_finding(page) == second
    assert page.text_content("#decision-error") == "a note is required to confirm a finding"
    assert page.is_checked("#action-confirm")
    assert page.evaluate("document.activeElement.id") == "note"
    box = page.locator("#note").bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 900, "the note box is off-screen"
    workspace.screenshot(page, "13-server-refused-note")
    page.keyboard.type(note)
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    assert _current_finding(page) == third

    # 3. A half-entered decision whose note box lost the focus: Ctrl+Enter outside the form saves nothing,
    # a letter moves nowhere and chooses nothing (it puts the focus back into the note), the next letters
    # go into the note.
    page.keyboard.press("d")
    page.keyboard.type("not sure yet")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") != "note"
    page.keyboard.press("Control+Enter")
    page.keyboard.press("n")
    page.wait_for_timeout(300)
    assert _current_finding(page) == third
    assert "paused" in page.text_content("#decision-hint")
    assert page.evaluate("document.activeElement.id") == "note"
    page.keyboard.type(" cue")
    assert page.is_checked("#action-dismiss") and page.input_value("#note") == "not sure yet cue"
    assert _current_finding(page) == third

    for finding_id in (first, second):
        decided = _finding(page, finding_id)
        assert decided["status"] == "confirmed" and decided["version"] == 2
        assert [(d["user"], d["note"]) for d in decided["decisions"]] == [("bob", note)]
    untouched = _finding(page, third)
    assert untouched["status"] == "open" and untouched["version"] == 1 and untouched["decisions"] == []
    assert page.js_errors == []
    page.context.close()


# --- the auditor's path -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def auditor(browser: object, workspace: Workspace) -> Iterator[object]:
    page = _page(browser, workspace)
    _login(page, "carol")
    yield page
    page.context.close()


def test_auditor_sees_the_decision_in_the_history(auditor: object, workspace: Workspace) -> None:
    page = auditor
    assert workspace.decided_finding is not None
    page.goto("/history")
    page.fill("#h-user", "alice")
    page.click("#apply-history")
    page.wait_for_url("**/history?*user=alice*")
    rows = page.locator("#history-table tbody tr[data-action='finding.decided']")
    assert rows.count() == 2
    texts = " ".join(rows.all_text_contents())
    assert f"finding:{workspace.decided_finding}" in texts and "Smelter is in Oman" in texts
    assert page.evaluate("window.__pwned === undefined")
    workspace.screenshot(page, "09-auditor-history")

    page.goto(f"/history?finding={workspace.decided_finding}")
    assert page.locator("#history-table tbody tr").count() == 1
    csv_text = page.request.get(page.locator("#export-csv").get_attribute("href")).text()
    assert csv_text.startswith("seq,created_at,actor,action,subject,details") and "user:alice" in csv_text
    json_rows = page.request.get(page.locator("#export-json").get_attribute("href")).json()
    assert [r["action"] for r in json_rows] == ["finding.decided"]

    page.goto(f"/history?shipment={HOSTILE_SHIPMENT}")
    actions = set(page.locator("#history-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.action)"))
    assert {"extraction.recorded", "shipment_run.recorded", "finding.decided"} <= actions


def _assert_decisions_refused(page: object, finding: str, status: str) -> None:
    """The server refuses the page's user a decision on `finding`, by the form and by the API, even well formed
    with the user's own valid CSRF token; the finding keeps `status`."""
    csrf = page.locator("form[action='/logout'] input[name=csrf_token]").get_attribute("value")
    form = {"csrf_token": csrf, "action": "reopen", "note": "auditor tries", "version": "2", "query": ""}
    assert page.request.post(f"{finding}/decide", form=form).status == 403
    api = page.request.post(
        f"/api{finding}/decisions",
        data={"action": "reopen", "note": "auditor tries", "version": 2},
        headers={"X-CSRF-Token": csrf},
    )
    assert api.status == 403
    page.reload()
    assert page.text_content("#finding-status") == status


def test_auditor_cannot_decide(auditor: object, workspace: Workspace) -> None:
    page = auditor
    finding = f"/findings/{workspace.decided_finding}"
    page.goto(finding)
    assert page.locator("#decision-form").count() == 0
    assert "can read findings but not decide" in page.text_content("#read-only")
    page.keyboard.press("d")  # the shortcut does nothing without a form
    assert page.text_content("#finding-status") == "confirmed"
    _assert_decisions_refused(page, finding, "confirmed")
    workspace.screenshot(page, "10-auditor-read-only")
    with session_scope(workspace.engine) as session:
        result = verify_chain(session)
    assert result.ok, result.problem


def test_document_versions_show_differences(auditor: object, workspace: Workspace) -> None:
    """A re-run with a different reading of the invoice adds a version; the page shows what changed."""
    from datetime import UTC, datetime

    from oretrace.store.repository import record_shipment

    result = workspace.sample.results[HOSTILE_SHIPMENT]
    invoice = next(d for d in result.documents if d.doc_type.value == "commercial_invoice")
    net = invoice.fields["net_weight_kg"]
    reread = invoice.model_copy(
        update={
            "pipeline_version": "reread-test",
            "fields": invoice.fields | {"net_weight_kg": net.model_copy(update={"value": 19_500.0})},
        }
    )
    rerun = result.model_copy(update={"documents": [reread if d is invoice else d for d in result.documents]})
    with session_scope(workspace.engine) as session:
        record_shipment(session, rerun, str(workspace.sample.inbox), datetime.now(UTC), datetime.now(UTC))
    page = auditor
    page.goto(f"/documents/{invoice.source.sha256}/history")
    versions = page.locator("#versions li.version")
    assert versions.count() == 2
    row = versions.nth(1).locator("table.diff tr.changed")
    assert row.count() == 1
    name = row.locator("td").first
    assert name.text_content() == "Net weight (kg)" and name.get_attribute("title") == "net_weight_kg"
    assert row.locator("td.before").text_content() == "20,000" and row.locator("td.after").text_content() == "19,500"
    workspace.screenshot(page, "11-document-versions")
    # The finding alice confirmed carried over to the re-run's identical finding.
    page.goto(f"/?status=confirmed&shipment={HOSTILE_SHIPMENT}")
    assert page.locator("#queue-table tr.row").count() == 1
    carried = page.locator("#queue-table tr.row").first.get_attribute("data-finding")
    assert carried != str(workspace.decided_finding)

    # The carried finding's page names alice, her finding, and what she decided on; the links resolve.
    page.goto(f"/findings/{carried}")
    assert "confirmed by alice on" in page.text_content("#finding-carried")
    assert page.get_attribute("#finding-carried a.origin-finding", "href") == f"/findings/{workspace.decided_finding}"
    entries = page.locator("#trail-entries li.trail-entry")
    assert entries.count() == 2 and entries.first.locator(".decider").text_content() == "alice"
    assert entries.first.locator("table.basis td.value").count() >= 1
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate(OVERFLOW_JS) <= 0, "the trail scrolls sideways at 390 px"
    page.set_viewport_size({"width": 1360, "height": 900})
    workspace.screenshot(page, "14-finding-trail")
    entries.first.locator("a.extraction-run").first.click()
    page.wait_for_url("**/documents/*/history#run-*")
    assert page.locator("li.version:target table.fields tr").count() >= 1


def test_auditor_audit_page_names_an_edited_decision(auditor: object, browser: object, workspace: Workspace) -> None:
    """The audit page verifies the store; a decision's note edited in the database is named, linked to its
    finding, until it is put back."""
    from sqlalchemy import text

    page = auditor
    page.click("header nav a[href='/audit']")
    page.wait_for_url("**/audit")
    assert page.text_content("#audit-verdict").startswith("The audit log verifies")
    workspace.screenshot(page, "14-audit-ok")
    with workspace.engine.begin() as connection:
        decision_id, note = connection.execute(
            text("SELECT id, note FROM decisions WHERE finding_id = :f"), {"f": workspace.decided_finding}
        ).one()
        connection.execute(text("UPDATE decisions SET note = 'dismissed by phone' WHERE id = :id"), {"id": decision_id})
    try:
        page.reload()
        assert "does not verify" in page.text_content("#audit-verdict")
        problem = page.locator(f"#row-problems li[data-table='decisions'][data-row='{decision_id}']")
        assert "differs from audit entry" in problem.text_content()
        workspace.screenshot(page, "15-audit-tampered")
        problem.locator("a").first.click()
        page.wait_for_url(f"**/findings/{workspace.decided_finding}")
    finally:
        with workspace.engine.begin() as connection:
            connection.execute(text("UPDATE decisions SET note = :n WHERE id = :id"), {"n": note, "id": decision_id})
    page.goto("/audit")
    assert page.text_content("#audit-verdict").startswith("The audit log verifies")
    narrow = _page(browser, workspace, 390, 844)
    _login(narrow, "carol")
    narrow.goto("/audit")
    assert narrow.evaluate(OVERFLOW_JS) <= 0, "/audit scrolls sideways at 390 px"
    narrow.context.close()


# --- layouts --------------------------------------------------------------------------------------------------

CONTRAST_JS = """
classes => {
  const channel = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const luminance = css => {
    const [r, g, b] = css.match(/[0-9.]+/g).slice(0, 3).map(Number).map(channel);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return classes.map(name => {
    const badge = document.createElement("span");
    badge.className = "sev " + name;
    badge.textContent = "x";
    document.body.append(badge);
    const style = getComputedStyle(badge);
    const [a, b] = [luminance(style.color), luminance(style.backgroundColor)];
    badge.remove();
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}
"""
OVERFLOW_JS = "document.documentElement.scrollWidth - window.innerWidth"


def test_layouts_at_1440_and_390(browser: object, workspace: Workspace) -> None:
    wide = _page(browser, workspace, 1440, 900)
    _login(wide, "bob")
    wide.goto(f"/?status=all&shipment={HOSTILE_SHIPMENT}")
    workspace.screenshot(wide, "20-queue-1440")
    wide.click("#queue-table tr.row:has(td[data-check='smelter_origin_mismatch']) a.open-finding")
    wide.wait_for_url("**/findings/*")
    wide.wait_for_function("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    # The decision form is beside the evidence and in view without scrolling.
    form, evidence = wide.locator("#decision-form").bounding_box(), wide.locator("#compared-values").bounding_box()
    assert form and evidence
    assert form["x"] >= evidence["x"] + evidence["width"] and form["y"] < 900
    assert wide.evaluate(OVERFLOW_JS) <= 0
    workspace.screenshot(wide, "21-finding-1440")
    contrasts = wide.evaluate(CONTRAST_JS, ["sev-high", "sev-medium", "sev-low"])
    assert min(contrasts) >= 4.5, contrasts
    finding_url = wide.url
    wide.context.close()

    narrow = _page(browser, workspace, 390, 844)
    _login(narrow, "bob")
    for url in ("/?status=all", finding_url, f"/shipments/{HOSTILE_SHIPMENT}", "/history"):
        narrow.goto(url)
        narrow.wait_for_load_state("load")
        assert narrow.evaluate(OVERFLOW_JS) <= 0, f"{url} scrolls sideways at 390 px"
        if url == "/?status=all":
            # Each finding is a card whose cells are labelled.
            first = narrow.locator("#queue-table tr.row").first
            assert first.bounding_box()["width"] <= 390
            assert narrow.evaluate(
                "getComputedStyle(document.querySelector('#queue-table td[data-label]'), '::before').content"
            ).startswith('"Finding')
            workspace.screenshot(narrow, "22-queue-390")
        elif url == finding_url:
            workspace.screenshot(narrow, "23-finding-390")
    narrow.context.close()


# --- the evidence viewer ----------------------------------------------------------------------------------------

DOCUMENT_OVERFLOW_JS = "document.documentElement.scrollWidth - window.innerWidth"


def _smelter_finding(page: object) -> None:
    page.goto(f"/?status=all&shipment={HOSTILE_SHIPMENT}&check=smelter_origin_mismatch")  # type: ignore[attr-defined]
    page.click("#queue-table tr.row a.open-finding")  # type: ignore[attr-defined]
    page.wait_for_url("**/findings/*")  # type: ignore[attr-defined]
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")  # type: ignore[attr-defined]


def _width(locator: object) -> float:
    box = locator.bounding_box()  # type: ignore[attr-defined]
    assert box
    return box["width"]


@pytest.mark.parametrize("viewport", [(1360, 900), (390, 844)])
def test_zoom_buttons_change_the_page_width(browser: object, workspace: Workspace, viewport: tuple[int, int]) -> None:
    page = _page(browser, workspace, *viewport)
    _login(page, "carol")
    _smelter_finding(page)
    figure = page.locator(".page-figure").first
    # Each page links its document's original file.
    original = figure.locator("a.original").get_attribute("href")
    assert original == f"/documents/{figure.get_attribute('data-document')}/original"
    assert page.request.get(original).body().startswith(b"%PDF")
    image = figure.locator("img.page-img")
    fitted = _width(image)
    # Fit: the page fills its figure, wider than the 620 px it was held to (on a wide screen).
    assert abs(fitted - figure.locator(".page-scroll").evaluate("e => e.clientWidth")) <= 1
    if viewport[0] > 1000:
        assert fitted > 620
    natural = image.evaluate("i => i.naturalWidth")
    figure.locator("button[data-zoom='1']").click()
    assert abs(_width(image) - natural) <= 1
    assert figure.locator("button[data-zoom='1']").get_attribute("aria-pressed") == "true"
    figure.locator("button[data-zoom='2']").click()
    assert abs(_width(image) - 2 * natural) <= 1
    # 200 % shows the full-size rendering: more pixels, the same page.
    page.wait_for_function("i => i.complete && i.currentSrc.endsWith('size=full')", arg=image.element_handle())
    full = image.evaluate("i => [i.naturalWidth, i.naturalHeight]")
    assert full[0] > natural and max(full) <= 2000
    # The zoomed page scrolls inside its figure; the page itself never scrolls sideways.
    assert page.evaluate(DOCUMENT_OVERFLOW_JS) <= 0
    assert figure.locator(".page-scroll").evaluate("e => e.scrollWidth > e.clientWidth")
    workspace.screenshot(page, f"30-zoom-200-{viewport[0]}")
    figure.locator("button[data-zoom='fit']").click()
    assert abs(_width(image) - fitted) <= 1
    assert page.js_errors == []
    page.context.close()


def test_numbered_boxes_and_rows_lead_to_each_other(browser: object, workspace: Workspace) -> None:
    page = _page(browser, workspace)
    _login(page, "carol")
    _smelter_finding(page)
    finding_id = _current_finding(page)
    rows = page.locator("#compared-values tbody tr[data-n]")
    numbers = rows.evaluate_all("rows => rows.map(r => r.dataset.n)")
    assert len(numbers) >= 2
    # Every row's number is drawn beside its box on the page, as text a reviewer can read.
    for n in numbers:
        assert page.locator(f".evidence[data-n='{n}'] .evidence-tag text").text_content() == n
        assert page.locator(f"#compared-values tr[data-n='{n}'] button.evidence-n").text_content() == n

    # The outline stands outside the words and covers none of them.
    evidence = page.request.get(f"/api/findings/{finding_id}").json()["evidence"]
    last = numbers[-1]
    x0, y0, x1, y1 = evidence[int(last) - 1]["bbox"]
    box = page.locator(f".evidence[data-n='{last}'] rect.evidence-box")
    assert box.evaluate("r => getComputedStyle(r).fill") == "none"
    figure = page.locator(".page-figure", has=box)
    figure.locator("button[data-zoom='2']").click()
    img = figure.locator("img.page-img").bounding_box()
    outline = box.bounding_box()
    assert img and outline
    words = (img["x"] + x0 * img["width"], img["y"] + y0 * img["height"])
    words_end = (img["x"] + x1 * img["width"], img["y"] + y1 * img["height"])
    assert outline["x"] + 2 <= words[0] and outline["y"] + 2 <= words[1]
    assert outline["x"] + outline["width"] - 2 >= words_end[0] and outline["y"] + outline["height"] - 2 >= words_end[1]

    # Zoomed in and scrolled back to the top, clicking row N brings box N into view and highlights both.
    page.evaluate("window.scrollTo(0, 0)")
    rows.last.locator("td").nth(2).click()
    assert page.locator(".evidence.active").evaluate_all("els => els.map(e => e.dataset.n)") == [last]
    assert rows.last.get_attribute("class") == "active"
    shown = box.bounding_box()
    scroller = figure.locator(".page-scroll").bounding_box()
    assert shown and scroller
    assert shown["y"] >= 0 and shown["y"] + shown["height"] <= 900, "box N is not in the window"
    assert scroller["x"] <= shown["x"] and shown["x"] + shown["width"] <= scroller["x"] + scroller["width"]
    assert scroller["y"] <= shown["y"] and shown["y"] + shown["height"] <= scroller["y"] + scroller["height"]
    workspace.screenshot(page, "31-row-to-box")

    # Clicking a box highlights its row.
    first = numbers[0]
    figure.locator("button[data-zoom='fit']").click()
    page.locator(f".evidence[data-n='{first}'] rect.evidence-box").click()
    assert page.locator("#compared-values tr.active").evaluate_all("rs => rs.map(r => r.dataset.n)") == [first]
    assert page.locator(".evidence.active").evaluate_all("els => els.map(e => e.dataset.n)") == [first]
    assert page.js_errors == []
    page.context.close()


def test_shipment_page_links_open_the_viewer(browser: object, workspace: Workspace) -> None:
    page = _page(browser, workspace)
    _login(page, "carol")
    page.goto(f"/shipments/{HOSTILE_SHIPMENT}")
    section = page.locator("section.document", has=page.locator("h3", has_text="invoice.pdf"))
    # The original file, byte for byte, next to the document.
    original = page.request.get(section.locator("a.original").get_attribute("href"))
    assert original.ok and original.body() == (workspace.sample.inbox / HOSTILE_SHIPMENT / "invoice.pdf").read_bytes()
    assert original.headers["content-disposition"].startswith('attachment; filename="invoice.pdf"')
    with page.expect_navigation():
        section.locator("a.page-link").first.click()
    assert page.url.endswith("/pages/1")
    assert page.evaluate("document.contentType") == "text/html"
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    assert "invoice.pdf" in page.text_content("h1") and "page 1 of 1" in page.text_content("h1")
    # The fields read on this page are numbered, each number boxed on the page.
    numbered = page.locator("#page-fields tbody tr[data-n]")
    assert numbered.count() >= 5
    for n in numbered.evaluate_all("rows => rows.map(r => r.dataset.n)"):
        assert page.locator(f".evidence[data-n='{n}']").count() >= 1
    seller = page.locator("#page-fields tbody tr", has=page.locator("td[title='seller_name']"))
    assert HOSTILE_TEXT in seller.text_content()
    seller.locator("button.evidence-n").click()
    assert page.locator(".evidence.active").count() >= 1
    image = page.locator("img.page-img")
    natural = image.evaluate("i => i.naturalWidth")
    page.click("button[data-zoom='1']")
    assert abs(_width(image) - natural) <= 1
    assert page.evaluate("window.__pwned === undefined") and page.js_errors == []
    workspace.screenshot(page, "32-viewer")
    page.context.close()

    narrow = _page(browser, workspace, 390, 844)
    _login(narrow, "carol")
    narrow.goto(page.url)
    narrow.wait_for_load_state("load")
    assert narrow.evaluate(DOCUMENT_OVERFLOW_JS) <= 0
    workspace.screenshot(narrow, "33-viewer-390")
    narrow.context.close()


def test_dashboard_charts_render_and_open_the_queue(browser: object, workspace: Workspace) -> None:
    from datetime import date

    # Last in the module: the history and portfolio findings added here change the queue the others count.
    from oretrace.core.config import PortfolioThresholds
    from oretrace.core.models import ShipmentFacts
    from oretrace.reference import default_reference
    from oretrace.store.db import session_scope
    from oretrace.store.portfolio_review import evaluate_and_store
    from samplegen.history import HistoryShipment, write_history

    def ship(number: int, day: date, tonnes: float) -> HistoryShipment:
        facts = ShipmentFacts(
            exporter="acme", exporter_printed="Acme", origin="CN", shipped_on=day, net_kg=tonnes * 1000,
            metal_kg=tonnes * 1000, smelter_id="SM0003",
        )  # fmt: skip
        return HistoryShipment(f"DASH-{number:04d}", facts)

    with session_scope(workspace.engine) as session:
        write_history(
            session, [*(ship(n, date(2024, 1 + 3 * n, 5), 10) for n in range(4)), ship(9, date(2025, 2, 5), 60)]
        )
        evaluate_and_store(session, default_reference(), PortfolioThresholds())
    page = _page(browser, workspace)
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    _login(page, "carol")
    page.click("#nav-dashboard")
    page.wait_for_url("**/dashboard")
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    for chart in ("origin-months", "exporter-history", "smelter-capacity", "open-findings", "flag-rate"):
        image = page.locator(f"#chart-{chart} img.chart-image")
        assert image.is_visible() and image.bounding_box()["height"] > 60, chart
        assert page.locator(f"#chart-{chart} table.chart-table a.row-link").count() >= 1, chart
        # matplotlib's colours are style attributes inside the SVG: drawn only if the image's policy allows them
        # (blocked, every bar would be black and the image grey). No shipment checked here falls in the flag rate's
        # quarters, so its bars are all zero.
        shot = Image.open(io.BytesIO(image.screenshot())).convert("RGB")
        colours = {shot.getpixel((x, y)) for x in range(0, shot.width, 2) for y in range(0, shot.height, 2)}
        assert any(max(c) - min(c) > 80 for c in colours) is (chart != "flag-rate"), chart
    assert page.locator("#chart-smelter-capacity td.marker-value").first.text_content() == "6,000"
    workspace.screenshot(page, "dashboard")
    page.click("#chart-open-findings a.bar-link[href='/?check=supplier_volume_surge&severity=high']")
    page.wait_for_url("**/?check=supplier_volume_surge&severity=high")
    checks = page.locator("#queue-table tr.row td[data-check]").evaluate_all("cells => cells.map(c => c.dataset.check)")
    assert checks == ["supplier_volume_surge"]
    assert page.locator("#queue-table tr.row td[data-scope]").all_text_contents() == ["portfolio"]
    assert not page.js_errors and not [m for m in console if "Content Security Policy" in m], console
    page.context.close()


def test_reviewer_decides_a_portfolio_finding(browser: object, workspace: Workspace) -> None:
    """After the dashboard test: Acme's surge is a portfolio finding in the queue, linked to its shipments."""
    page = _page(browser, workspace)
    _login(page, "bob")
    page.goto("/?scope=portfolio")
    page.click("#queue-table tr.row:has(td[data-check='supplier_volume_surge']) a.open-finding")
    page.wait_for_url("**/findings/*")
    finding_id = _current_finding(page)
    assert page.locator("a[data-shipment='DASH-0009']").count() >= 1
    assert page.text_content("#finding-status") == "open"
    page.keyboard.press("d")
    page.keyboard.type("Acme signed a new offtake contract in 2025; volumes checked with the buyer.")
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    page.goto(f"/findings/{finding_id}")
    assert page.text_content("#finding-status") == "dismissed"
    assert "bob" in page.locator("#decisions li").first.text_content()
    assert _finding(page, finding_id)["status"] == "dismissed"
    assert not page.js_errors
    workspace.portfolio_finding = finding_id
    workspace.screenshot(page, "portfolio-decided")
    page.context.close()


def test_auditor_reads_a_portfolio_finding_but_cannot_decide(browser: object, workspace: Workspace) -> None:
    assert workspace.portfolio_finding is not None
    page = _page(browser, workspace)
    _login(page, "carol")
    finding = f"/findings/{workspace.portfolio_finding}"
    page.goto(finding)
    assert page.text_content("#finding-status") == "dismissed"
    assert page.locator("#decision-form").count() == 0
    assert "can read findings but not decide" in page.text_content("#read-only")
    _assert_decisions_refused(page, finding, "dismissed")
    page.context.close()
