"""Headless Debian chromium driven by Playwright, and an axe-core check, for the end-to-end tests.

Never a downloaded browser: Playwright launches the system chromium through executable_path. Without it the tests
skip with a clear message, except in CI (CI=true), where a missing browser fails the run.
"""

import os

import pytest

from tests.browser.people import PASSWORD

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls (creating data) are still sync.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("KP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BLOCKING_IMPACTS = {"serious", "critical"}


def _skip_or_fail(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        _skip_or_fail(f"Debian's chromium is missing at {CHROMIUM} (apt-get install chromium, or set KP_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def assert_accessible():
    """Run axe-core on the page as it is now; fail with every serious or critical violation listed."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        violations = axe.run(page).response["violations"]
        blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
        assert not blocking, f"axe-core on {page.url}:\n" + "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']][:5]}"
            for v in blocking
        )

    return check


# Data that migrations seed (label rules, the default catalogue, readiness criteria). Browser tests use transactional
# databases, which are flushed after each test, so the seed is put back before each one as a fresh migrate has it.
SEEDING_MIGRATIONS = [
    ("klusterplattform.excellence.migrations.0003_label_rules", "add_rules"),
    ("klusterplattform.excellence.migrations.0004_default_catalogue", "load_catalogue"),
    ("klusterplattform.excellence.migrations.0005_readiness_criteria", "load_criteria"),
    ("klusterplattform.activities.migrations.0002_default_focus_areas", "load"),
    ("klusterplattform.funding.migrations.0002_thematic_tags", "load"),
]


@pytest.fixture(autouse=True)
def seeded_by_migrations(transactional_db):
    import importlib

    from django.apps import apps

    from klusterplattform.excellence.models import CatalogueVersion

    if CatalogueVersion.objects.filter(code="kp-2026").exists():
        return
    for module, function in SEEDING_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def person_tab(browser, live_server, assert_accessible):
    """`person_tab(email, next_path)`: that user (made with make_user) signed in, in English, in a browser context of
    their own and on `next_path`, the page already checked by axe — for journeys where several people act."""

    def open_tab(email, next_path):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        context.set_default_timeout(15_000)
        tab = context.new_page()
        tab.goto(f"{live_server.url}/en/konto/logga-in/?next={next_path}")
        tab.get_by_label("E-mail address").fill(email)
        tab.get_by_label("Password").fill(PASSWORD)
        tab.get_by_role("button", name="Sign in").click()
        tab.wait_for_url(live_server.url + next_path)
        assert_accessible(tab)
        return tab

    return open_tab
