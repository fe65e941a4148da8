"""axe-core audit of every page of the static edition of the course (``tools.site``).

Each page is opened in headless Chromium (only 127.0.0.1 reachable), its plots and widgets are
left to draw, and axe-core (bundled by axe-playwright-python, no network) checks it. A violation of
impact "serious" or "critical" fails the test unless it is in ``ALLOWED``: markup the course does
not write (nbconvert's lab template, the widget html-manager, plotly.js), each entry a rule id, the
CSS selector of the nodes it covers and the reason. Anything the course writes itself (lesson
markdown, widget and card HTML, figures, the site template) must pass, colour contrast included.
"""

from __future__ import annotations

import collections
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from .site_fixtures import static_site  # noqa: F401 -- the session fixture, used by name below

pytestmark = pytest.mark.browser
FAILING = ("serious", "critical")


@dataclass(frozen=True)
class Allowed:
    rule: str           # axe-core rule id
    selector: str       # CSS selector: the node, or an element around it, must match it
    reason: str


# Markup the course does not write. Keep it narrow: one rule and the nodes it hits, never a whole rule.
ALLOWED: tuple[Allowed, ...] = (
    Allowed("color-contrast", ".jp-InputPrompt, .jp-OutputPrompt",
            "nbconvert's lab template writes the In [n]: and Out[n]: prompts of code cells in JupyterLab's "
            "light grey (#b0b0b0 on white); they label the code, they are not course text"),
    Allowed("color-contrast", ".jp-InputArea-editor .highlight",
            "syntax colours in code cells: the Pygments style of nbconvert's lab template (numbers are "
            "#008800 on #f5f5f5)"),
    Allowed("aria-input-field-name", ".widget-slider .noUi-handle",
            "ipywidgets draws sliders with noUiSlider, whose handle has role=slider but no name; the "
            "slider's description is written beside it and ipywidgets does not pass it on"),
    Allowed("button-name", ".widget-play > button",
            "ipywidgets Play draws its play, pause and stop buttons as icons with no text, title or label "
            "and has no option to name them; the planner's Follow along text says what they do"),
)


@dataclass(frozen=True)
class Finding:
    page: str
    rule: str
    impact: str
    target: str
    html: str
    summary: str
    allowance: Allowed | None = None

    def __str__(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}) at {self.target}\n    {self.html[:200]}\n    {self.summary}"


# For each node: the index of the first of its selectors that the node (or an element around it) matches.
MATCH = """([targets, selectors]) => targets.map((target, i) => {
  const node = target.length === 1 ? document.querySelector(target[0]) : null;
  return node ? selectors[i].findIndex(selector => node.closest(selector)) : -1;
})"""


def audit(page, allowances: tuple[Allowed, ...] = ALLOWED) -> list[Finding]:
    """axe-core's violations on the open page, one finding per node, each with its allowance if any."""
    from axe_playwright_python.sync_playwright import Axe

    response = Axe().run(page).response
    nodes = [(violation, node) for violation in response["violations"] for node in violation["nodes"]]
    candidates = [[entry for entry in allowances if entry.rule == violation["id"]] for violation, _node in nodes]
    matched = page.evaluate(MATCH, [[node["target"] for _violation, node in nodes],
                                    [[entry.selector for entry in entries] for entries in candidates]])
    name = urlsplit(page.url).path.rsplit("/", 1)[-1] or "index.html"
    return [Finding(name, violation["id"], violation["impact"] or "unknown", " ".join(map(str, node["target"])),
                    node.get("html", ""), node.get("failureSummary", "").replace("\n", " "),
                    entries[index] if index >= 0 else None)
            for (violation, node), entries, index in zip(nodes, candidates, matched, strict=True)]


# Every plotly <div> of tools.site has its SVG, and every widget view has been drawn by the
# html-manager: it puts an empty <div> just before the view's <script> at once and draws the widget into it
# later, so the <div> must have children (under load the audit once ran before the planner's Play was drawn).
DRAWN = """() => {
  const plots = [...document.querySelectorAll('.course-plot')];
  const views = [...document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]')];
  return plots.every(plot => plot.querySelector('.main-svg'))
    && views.every(view => view.previousElementSibling && view.previousElementSibling.childElementCount > 0);
}"""


# ... and then until nothing has changed in the page for half a second: a widget drawn into its place
# draws the widgets inside it later (a box adds its children one by one), so the planner's Play, inside
# two boxes, could still be missing when the outer box was there. The audit then did not see its
# buttons and the allowance for them looked unused (it failed so, now and then, since issue 15).
SETTLED = """() => new Promise(resolve => {
  let timer;
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 500); });
  function done() { observer.disconnect(); resolve(true); }
  observer.observe(document.body, {childList: true, subtree: true});
  timer = setTimeout(done, 500);
})"""


def open_page(context, url: str):
    """Open a page and wait until its plots and widgets are drawn and the page has stopped changing."""
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(DRAWN, polling=250)
    page.evaluate(SETTLED)
    return page


@pytest.fixture(scope="module")
def local_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if urlsplit(route.request.url).hostname == "127.0.0.1"
                  else route.abort())
    yield context
    context.close()


@pytest.fixture(scope="module")
def findings(static_site, local_context) -> dict[str, list[Finding]]:  # noqa: F811 -- pytest fixture
    found = {}
    for name in static_site.pages:
        page = open_page(local_context, static_site.url(name))
        try:
            found[name] = audit(page)
        finally:
            page.close()
    counts = {name: dict(collections.Counter(f.impact for f in items)) for name, items in found.items()}
    print("axe violations (nodes) per page and impact:", *(f"{n}: {c}" for n, c in counts.items()), sep="\n  ")
    return found


def test_every_page_is_audited(findings, static_site):  # noqa: F811
    assert set(findings) == set(static_site.pages)
    assert "index.html" in findings and len(findings) >= 20


def test_no_serious_or_critical_violation_caused_by_the_course(findings):
    failing = [f for items in findings.values() for f in items if f.impact in FAILING and not f.allowance]
    assert not failing, "axe-core found problems the course causes:\n" + "\n".join(map(str, failing))


def test_every_allowance_is_still_needed(findings):
    used = {f.allowance for items in findings.values() for f in items if f.impact in FAILING}
    assert not [entry for entry in ALLOWED if entry not in used], "remove allowances that no page needs any more"


def test_the_audit_finds_what_the_course_could_get_wrong(local_context):
    """A made-up page with low-contrast feedback text and a picture without alt text fails; only the
    prompt, which nbconvert writes, is covered by the allow-list."""
    page = local_context.new_page()
    try:
        page.set_content('<!doctype html><html lang="en"><head><title>Bad page</title></head><body><main>'
                         '<div class="course-feedback" style="background:#FBEDE5;color:#E69F00">✘ Not quite.</div>'
                         '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10">'
                         '<div class="jp-InputPrompt" style="color:#b0b0b0">In [1]:</div>'
                         "</main></body></html>")
        found = audit(page)
        rules = {f.rule for f in found if f.impact in FAILING and not f.allowance}
    finally:
        page.close()
    assert {"color-contrast", "image-alt"} <= rules
    prompt = [f for f in found if "jp-InputPrompt" in f.html]
    assert prompt and all(f.allowance is ALLOWED[0] for f in prompt), "the allow-list covers only its own nodes"
    assert not [f for f in found if "course-feedback" in f.html and f.allowance]


def course_html() -> str:
    """The HTML the course's widgets write in every state a page may not show (answers checked,
    verdicts given, a plan made): feedback boxes, verdicts, cards, plan and safety notes."""
    from lessons.kit.widget import card_html, feedback_html
    from lessons.topics.planner.plan import PlanRequest, make_plan
    from lessons.topics.planner.widgets import countdown_html, notes_html, plan_cards_html, schedule_html
    from lessons.topics.red_flags.model import check
    from lessons.topics.red_flags.widgets import verdict_html

    plan = make_plan(PlanRequest(problem="sciatica"))
    parts = [feedback_html(True, "Correct.", "Why it is right."), feedback_html(False, "Not quite.", "Why not."),
             feedback_html(None, "Choose an answer first."),
             *(verdict_html(check(ticked)) for ticked in ([], ["fever"], ["both-legs"])),
             card_html("The L5 nerve root", [("Where it is felt", "Outer shin and top of the foot")]),
             notes_html(plan), schedule_html(plan), plan_cards_html(plan, 1), *countdown_html((), 0)]
    return "".join(f"<section>{part}</section>" for part in parts)


def test_the_course_feedback_cards_and_plans_pass_axe(local_context):
    page = local_context.new_page()
    try:
        page.set_content('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course HTML</title>'
                         f"</head><body><main><h1>Course HTML</h1>{course_html()}</main></body></html>")
        findings = audit(page)
    finally:
        page.close()
    assert not [f for f in findings if f.impact in FAILING], "\n".join(map(str, findings))
