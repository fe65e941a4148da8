"""The static, read-only edition in Chromium: every page loads offline, draws its figures and widgets.

The whole site is built once (``static_site`` in site_fixtures.py) and served on 127.0.0.1; each page
is opened in a fresh browser context that may reach only 127.0.0.1.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.site_fixtures import static_site  # noqa: F401 -- the fixture
from tools import site

pytestmark = pytest.mark.browser

PAGES = [f"{path.stem}.html" for path in site._resolve(None) if path.stem not in site.SKIPPED] + ["index.html"]
DRAW_TIMEOUT = 30_000


@pytest.fixture
def site_page(browser, static_site):  # noqa: F811 -- the imported fixture
    """A page that reaches only the site's server and records errors, failed and blocked requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.blocked_requests, page.console_errors, page.failed_requests = [], [], []

    def only_local(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            page.blocked_requests.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page.set_default_timeout(DRAW_TIMEOUT)
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda error: page.console_errors.append(f"page error: {error}"))
    page.on("requestfailed", lambda request: page.failed_requests.append(request.url))
    page.on("response", lambda response: response.status >= 400 and page.failed_requests.append(response.url))
    yield page
    context.close()


def test_the_site_has_every_page(static_site):  # noqa: F811
    assert sorted(static_site.pages) == sorted(PAGES)
    print(f"\nstatic site: {len(static_site.pages)} pages built in {static_site.seconds:.1f} s")


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_offline_and_draws_everything(site_page, static_site, name):  # noqa: F811
    page = site_page
    page.goto(static_site.url(name), wait_until="load")
    plots = page.locator(".course-plot").count()
    views = page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count()
    # Every widget view gets a drawn widget just before its script tag; every figure its plotly SVG
    # (figures inside Output widgets appear once the widget is drawn).
    page.wait_for_function(
        """([views]) => {
            const scripts = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
            const drawn = [...scripts].filter(s => s.previousElementSibling
                && s.previousElementSibling.classList.contains('widget-subarea')
                && s.previousElementSibling.querySelector('.jupyter-widgets, .lm-Widget'));
            const figures = document.querySelectorAll('.course-plot');
            const plotted = [...figures].filter(f => f.querySelector('.main-svg'));
            return drawn.length === views && plotted.length === figures.length;
        }""", arg=[views], timeout=DRAW_TIMEOUT)
    plots = page.locator(".course-plot").count()  # again: Output widgets add theirs when drawn
    assert page.locator(".course-plot .main-svg").count() >= plots
    if name != "index.html":
        assert page.locator("header.course-site-banner a[href='index.html']").count() == 1
    page.wait_for_timeout(300)  # let late errors (fonts, resizes) arrive
    assert page.console_errors == [], page.console_errors
    assert page.failed_requests == [], page.failed_requests
    assert page.blocked_requests == [], page.blocked_requests


def test_lessons_with_figures_and_widgets_show_them(site_page, static_site):  # noqa: F811
    """The counting above must not pass on a page with nothing: 03 has figures in cells and in widgets."""
    page = site_page
    page.goto(static_site.url("03_herniated_disc.html"), wait_until="load")
    page.locator(".widget-subarea .widget-dropdown, .widget-subarea .widget-slider, "
                 ".widget-subarea .widget-toggle-buttons, .widget-subarea select").first.wait_for()
    page.wait_for_function("document.querySelectorAll('.course-plot .main-svg').length > 0")
    in_widgets = page.locator(".widget-subarea .course-plot")
    in_widgets.first.locator(".main-svg").first.wait_for()
    assert page.locator(".course-plot").count() > in_widgets.count() >= 1


def test_index_links_open_every_lesson(site_page, static_site):  # noqa: F811
    page = site_page
    page.goto(static_site.url("index.html"))
    hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert sorted(hrefs) == sorted(name for name in PAGES if name != "index.html")
    for href in hrefs:
        response = page.request.get(static_site.url(href))
        assert response.ok, href
    page.get_by_role("link", name="03 · Herniated disc").click()
    page.wait_for_url("**/03_herniated_disc.html")
    assert page.title().startswith("03 · Herniated disc")
    page.get_by_role("link", name="All lessons", exact=False).click()
    page.wait_for_url("**/index.html")
