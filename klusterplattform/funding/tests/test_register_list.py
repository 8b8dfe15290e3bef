"""The register's list page: every filter, search in Swedish and English, sorting, paging, countdown texts, demo
data left out, clear messages for invalid filters, and a query count that does not grow with the rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from klusterplattform.funding.countdown import countdown
from klusterplattform.funding.models import FundingCall, ThematicTag
from klusterplattform.funding.tests.funding_world import brussels_17, build_world, make_funding_call
from klusterplattform.registry.tests.factories import EcosystemFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
URL = "/en/finansiering/"


def listed(client, **params) -> list[str]:
    """The identifiers on the list page, in order (all pages, by asking for a large page size is not possible:
    the tests keep result sets under one page)."""
    response = client.get(URL, params, **EN)
    assert response.status_code == 200
    return [call.identifier for call in response.context["page"].items]


def test_default_list_shows_calls_that_are_not_closed_soonest_deadline_first(client):
    make_funding_call("LATER", closes_in_days=40)
    make_funding_call("SOON", closes_in_days=3)
    make_funding_call("PAST", closes_in_days=-2)
    make_funding_call("FORTHCOMING", opened_days_ago=-10, closes_in_days=20)
    make_funding_call("NO-DEADLINE", closes_in_days=None)
    assert listed(client) == ["SOON", "FORTHCOMING", "LATER", "NO-DEADLINE"]


@pytest.mark.parametrize(
    ("status", "expected"),
    [("open", {"SOON", "NO-DEADLINE"}), ("forthcoming", {"FORTHCOMING"}), ("closed", {"PAST"})],
)
def test_status_filter(client, status, expected):
    make_funding_call("SOON", closes_in_days=3)
    make_funding_call("PAST", closes_in_days=-2)
    make_funding_call("FORTHCOMING", opened_days_ago=-10, closes_in_days=20)
    make_funding_call("NO-DEADLINE", closes_in_days=None)
    assert set(listed(client, status=status)) == expected
    assert set(listed(client, status="all")) == {"SOON", "PAST", "FORTHCOMING", "NO-DEADLINE"}


def test_sorting_by_closing_date_descending_newest_and_title(client):
    make_funding_call("B", title="Beta", closes_in_days=10)
    make_funding_call("A", title="alpha", closes_in_days=30)
    make_funding_call("C", title="Gamma", closes_in_days=None)
    assert listed(client) == ["B", "A", "C"]
    assert listed(client, sort="-closing") == ["A", "B", "C"]
    assert listed(client, sort="newest") == ["C", "A", "B"]
    assert listed(client, sort="title") == ["A", "B", "C"]


def test_closing_date_sort_uses_the_next_deadline_of_a_call_with_cut_offs(client):
    make_funding_call("SINGLE", closes_in_days=20)
    make_funding_call(
        "CUT-OFFS",
        deadline_model="multiple-cut-off",
        deadlines=[
            {"at": brussels_17(5), "time_zone": "Europe/Brussels", "stage": 1},
            {"at": brussels_17(200), "time_zone": "Europe/Brussels", "stage": 2},
        ],
    )
    assert listed(client) == ["CUT-OFFS", "SINGLE"]


def test_programme_filter_offers_only_programmes_of_visible_calls(client):
    make_funding_call("SMP", programme="Single Market Programme")
    make_funding_call("I3", programme="Interregional Innovation Investments")
    make_funding_call("SECRET", programme="Hidden programme", is_published=False)
    response = client.get(URL, **EN)
    choices = [value for value, _label in response.context["filters"].fields["programme"].choices]
    assert choices == ["", "Interregional Innovation Investments", "Single Market Programme"]
    assert listed(client, programme="Interregional Innovation Investments") == ["I3"]


def test_deadline_window_matches_any_deadline_of_a_call(client):
    make_funding_call("IN-10", closes_in_days=10)
    make_funding_call("IN-40", closes_in_days=40)
    make_funding_call(
        "TWO-STAGE",
        deadline_model="two-stage",
        deadlines=[
            {"at": brussels_17(12), "time_zone": "Europe/Brussels", "stage": 1},
            {"at": brussels_17(150), "time_zone": "Europe/Brussels", "stage": 2},
        ],
    )
    today = timezone.localdate()
    window = {"closes_from": today + datetime.timedelta(days=5), "closes_to": today + datetime.timedelta(days=20)}
    assert set(listed(client, **window)) == {"IN-10", "TWO-STAGE"}
    assert set(listed(client, closes_from=today + datetime.timedelta(days=30))) == {"IN-40", "TWO-STAGE"}


def test_budget_range_matches_overlapping_budgets_in_the_chosen_currency(client):
    make_funding_call("SMALL", budget_min=50_000, budget_max=200_000)
    make_funding_call("LARGE", budget_min=1_000_000, budget_max=4_000_000)
    make_funding_call("UP-TO", budget_max=500_000)
    make_funding_call("SEK", budget_min=100_000, budget_max=300_000, currency="SEK")
    make_funding_call("UNSTATED")
    assert set(listed(client, budget_from=150_000, budget_to=600_000)) == {"SMALL", "UP-TO"}
    assert set(listed(client, budget_from=2_000_000)) == {"LARGE"}
    assert set(listed(client, budget_to=100_000)) == {"SMALL"}
    assert set(listed(client, budget_from=0, currency="sek")) == {"SEK"}


def test_ecosystem_tag_and_cluster_eligibility_filters(client):
    textiles, health = EcosystemFactory(code="textiles"), EcosystemFactory(code="health")
    green = ThematicTag.objects.get(code="green")
    make_funding_call("TEX", ecosystems=[textiles], tags=[green], cluster_organisations_eligible=True)
    make_funding_call("HEALTH", ecosystems=[health, textiles], cluster_organisations_eligible=False)
    make_funding_call("NONE")
    assert set(listed(client, ecosystem="textiles")) == {"TEX", "HEALTH"}
    assert listed(client, ecosystem="health") == ["HEALTH"]
    assert listed(client, tag="green") == ["TEX"]
    assert listed(client, cluster_eligible="on") == ["TEX"]


def test_search_in_english_and_swedish(client):
    make_funding_call("TEX", title="Circular textiles value chains", keywords="recycling")
    make_funding_call("HEALTH", title="Digital health for regions")
    make_funding_call("SV", title="Hållbar livsmedel i klustren", language="sv", description_html="")
    assert listed(client, q="textiles") == ["TEX"]
    assert listed(client, q="cirkulär textil") == ["TEX"]
    assert listed(client, q="hälsa") == ["HEALTH"]
    assert listed(client, q="food sustainable") == ["SV"]
    assert listed(client, q="livsmedel") == ["SV"]
    assert listed(client, q="textiles health") == []


def test_demo_calls_are_left_out_unless_chosen(client):
    make_funding_call("REAL")
    make_funding_call("DEMO", is_demo=True)
    assert listed(client) == ["REAL"]
    assert set(listed(client, include_demo="on")) == {"REAL", "DEMO"}


def test_unpublished_calls_are_listed_only_for_their_author_and_officers(client):
    world = build_world()
    make_funding_call("DRAFT", is_published=False, created_by=world.manager_a)
    make_funding_call("PUBLIC")
    assert listed(client) == ["PUBLIC"]
    for user, expected in [
        (world.manager_a, {"DRAFT", "PUBLIC"}),
        (world.manager_b, {"PUBLIC"}),
        (world.regional_a, {"PUBLIC"}),
        (world.outsider, {"PUBLIC"}),
        (world.officer, {"DRAFT", "PUBLIC"}),
    ]:
        client.force_login(user)
        assert set(listed(client)) == expected, user


def test_invalid_filters_give_a_clear_message_and_the_other_filters_still_apply(client):
    make_funding_call("TEX", title="Circular textiles")
    make_funding_call("OTHER", title="Something else")
    response = client.get(
        URL,
        {"q": "textiles", "closes_from": "not-a-date", "budget_from": "-5", "ecosystem": "nope", "status": "x"},
        **EN,
    )
    assert response.status_code == 200
    errors = response.context["filters"].errors
    assert set(errors) == {"closes_from", "budget_from", "ecosystem", "status"}
    assert "Enter a valid date." in response.content.decode()
    assert [c.identifier for c in response.context["page"].items] == ["TEX"]
    response = client.get(URL, {"budget_from": "500", "budget_to": "100", "closes_from": "2030-02-01",
                                "closes_to": "2030-01-01"}, **EN)  # fmt: skip
    text = response.content.decode()
    assert "The highest budget is lower than the lowest." in text
    assert "The end of the deadline window is before its start." in text


def test_paging_keeps_the_filters_and_shows_twenty_a_page(client):
    for number in range(45):
        make_funding_call(f"P-{number:02d}", closes_in_days=number + 1, title="Circular textiles")
    response = client.get(URL, {"q": "textiles", "page": 3}, **EN)
    page = response.context["page"]
    assert (page.total, page.number, page.page_count) == (45, 3, 3)
    assert [c.identifier for c in page.items] == [f"P-{n:02d}" for n in range(40, 45)]
    assert 'href="?q=textiles&amp;page=2"' in response.content.decode()


def test_list_shows_the_next_deadline_in_its_zone_budget_and_countdown(client):
    make_funding_call(
        "NY",
        budget_min=100_000,
        budget_max=250_000,
        title="Transatlantic pilots",
        deadlines=[
            {
                "at": (timezone.now() + datetime.timedelta(days=12, hours=3)).replace(second=0, microsecond=0),
                "time_zone": "America/New_York",
                "stage": 1,
            }
        ],
    )
    text = client.get(URL, **EN).content.decode()
    assert "(America/New_York)" in text
    assert "100,000–250,000 EUR" in text
    assert "closes in 12 days" in text or "closes in 13 days" in text
    assert 'lang="en"' in text


def test_countdown_texts():
    now = timezone.now()
    closing_today = make_funding_call("TODAY", deadlines=[{"at": now + datetime.timedelta(minutes=5),
                                                           "time_zone": "UTC", "stage": 1}])  # fmt: skip
    in_twelve = make_funding_call(
        "TWELVE", deadlines=[{"at": now + datetime.timedelta(days=12), "time_zone": "UTC", "stage": 1}]
    )
    closed = make_funding_call("CLOSED", closes_in_days=-1)
    forthcoming = make_funding_call("LATER", opened_days_ago=-30, closes_in_days=90)
    no_deadline = make_funding_call("NONE", closes_in_days=None)
    from django.utils import translation

    with translation.override("en"):
        # 5 minutes before midnight UTC the deadline is "tomorrow" only if it crosses midnight; both are right.
        assert countdown(closing_today, now) in {"closes today", "closes tomorrow"}
        assert countdown(in_twelve, now) == "closes in 12 days"
        assert countdown(closed, now) == "closed"
        assert countdown(forthcoming, now).startswith("opens on ")
        assert countdown(no_deadline, now) == "no deadline stated"


def test_countdown_counts_days_in_the_deadline_zone():
    from django.utils import translation

    deadline = datetime.datetime(2030, 6, 3, 1, 0, tzinfo=datetime.UTC)  # 2030-06-03 10:00 in Tokyo
    call = make_funding_call("TOKYO", opened_days_ago=1, deadlines=[{"at": deadline, "time_zone": "Asia/Tokyo",
                                                                      "stage": 1}])  # fmt: skip
    # 2030-06-02 20:00 UTC is already 2030-06-03 05:00 in Tokyo: the deadline is today there.
    with translation.override("en"):
        assert countdown(call, datetime.datetime(2030, 6, 2, 20, 0, tzinfo=datetime.UTC)) == "closes today"
        assert countdown(call, datetime.datetime(2030, 6, 2, 14, 0, tzinfo=datetime.UTC)) == "closes tomorrow"


def test_cluster_manager_sees_links_to_calls_for_each_cluster_they_manage(client):
    world = build_world()
    client.force_login(world.manager_a)
    text = client.get(URL, **EN).content.decode()
    assert f"/finansiering/kluster/{world.cluster_a.slug}/" in text
    assert f"/finansiering/kluster/{world.cluster_b.slug}/" not in text
    assert "Add a funding call" in text
    client.force_login(world.outsider)
    text = client.get(URL, **EN).content.decode()
    assert "/finansiering/kluster/" not in text
    assert "Add a funding call" not in text


def test_empty_state_and_export_links_carry_the_query(client):
    text = client.get(URL, {"q": "nothing-matches-this"}, **EN).content.decode()
    assert "No funding call matches these filters." in text
    assert "/finansiering/export.csv?q=nothing-matches-this" in text
    assert "/finansiering/export.xlsx?q=nothing-matches-this" in text


def _queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, params, **EN).status_code == 200
    return len(captured)


def test_list_query_count_does_not_grow_with_rows(client):
    world = build_world()
    client.force_login(world.manager_a)
    make_funding_call("FIRST")
    few = _queries(client)
    for number in range(25):
        make_funding_call(f"MORE-{number}", ecosystems=[EcosystemFactory()])
    assert _queries(client) == few
    assert FundingCall.objects.count() == 26


def test_list_query_count_is_pinned(client, django_assert_num_queries):
    for number in range(30):
        make_funding_call(f"N-{number}")
    # count, the page's ids, its rows, their deadlines, the programme, ecosystem and tag choices (anonymous: no
    # session or role queries)
    with django_assert_num_queries(7):
        client.get(URL, **EN)
