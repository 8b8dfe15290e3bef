"""End to end: a cluster manager opens "calls for you", filters, bookmarks a call, notes an intention with a
partner and finds the call in the cluster's calendar feed (parsed with icalendar); an officer sees the intention in
the overview. Every page visited is checked with axe-core."""

import datetime
import re

import pytest

from klusterplattform.funding.tests.funding_world import make_funding_call
from klusterplattform.registry.models import Ecosystem
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory
from tests.browser.people import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_bookmarks_a_fitting_call_and_finds_it_in_the_calendar_feed(
    live_server, person_tab, assert_accessible
):
    from icalendar import Calendar

    names = {"name_sv": "Textil", "name_en": "Textiles"}
    textiles, _created = Ecosystem.objects.get_or_create(code="textiles", defaults=names)
    cluster = ClusterFactory(name="Västkustens Textil", slug="vastkustens-textil", regions=[RegionFactory(code="14")])
    cluster.ecosystems.set([textiles])
    make_funding_call(
        "SMP-COSME-2026-CLUSTER-01",
        title="Circular textiles partnerships",
        closes_in_days=45,
        ecosystems=[textiles],
        cluster_organisations_eligible=True,
    )
    make_funding_call("I3-2026-INV1", title="Interregional investments", closes_in_days=8)
    make_user("klusterledare@example.org", "cluster_manager", clusters=["vastkustens-textil"])
    make_user("handlaggare@example.org", "officer")

    manager = person_tab("klusterledare@example.org", "/en/finansiering/kluster/vastkustens-textil/")
    assert "Circular textiles partnerships" in manager.content()
    manager.get_by_label("Minimum fit (%)").fill("60")
    manager.get_by_role("button", name="Show calls").click()
    manager.wait_for_load_state()
    assert_accessible(manager)
    assert "Interregional investments" not in manager.content()
    manager.get_by_role("button", name="Bookmark SMP-COSME-2026-CLUSTER-01").click()
    manager.wait_for_load_state()
    assert "is bookmarked for Västkustens Textil" in manager.content()
    assert "min_fit=60" in manager.url
    assert_accessible(manager)

    manager.get_by_role("link", name=re.compile("Intention, note and partners")).first.click()
    manager.wait_for_url("**/utlysning/SMP-COSME-2026-CLUSTER-01/")
    assert_accessible(manager)
    manager.get_by_label("We intend to apply").check()
    manager.locator("#id_partners-0-name").fill("Hohenstein Institute")
    manager.locator("#id_partners-0-country").select_option("DE")
    manager.get_by_role("button", name="Save").click()
    manager.wait_for_url("**/finansiering/kluster/vastkustens-textil/")
    assert_accessible(manager)

    manager.goto(f"{live_server.url}/en/finansiering/kalender/")
    assert_accessible(manager)
    feed_url = re.search(r"https?://[^\s\"<]+/finansiering/kalender/kluster/[^\s\"<]+\.ics", manager.content()).group(0)
    feed = manager.request.get(feed_url)
    assert feed.ok
    events = list(Calendar.from_ical(feed.body()).walk("VEVENT"))
    summaries = " ".join(str(e.get("summary")) for e in events)
    assert "SMP-COSME-2026-CLUSTER-01" in summaries and "I3-2026-INV1" not in summaries
    assert all(isinstance(e.decoded("dtstart"), datetime.datetime | datetime.date) for e in events)

    officer = person_tab("handlaggare@example.org", "/en/finansiering/avsikter/")
    assert "Västkustens Textil" in officer.content() and "SMP-COSME-2026-CLUSTER-01" in officer.content()
