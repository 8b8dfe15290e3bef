"""The "calls for you" page, the call page's tracking part and the profile link."""

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from klusterplattform.funding.models import FundingInterest
from klusterplattform.funding.tests.funding_world import build_world, make_funding_call
from klusterplattform.registry.tests.factories import ClusterFactory, EcosystemFactory

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def world():
    world = build_world()
    world.textiles = EcosystemFactory(code="textiles", name_en="Textiles", name_sv="Textil")
    world.cluster_a.ecosystems.set([world.textiles])
    return world


def page_url(cluster):
    return f"/en/finansiering/kluster/{cluster.slug}/"


def test_manager_sees_fitting_calls_with_percentage_reasons_and_bookmark_buttons(client, world):
    make_funding_call("TEX-2026", closes_in_days=40, ecosystems=[world.textiles], title="Circular textiles")
    make_funding_call("OLD-2020", closes_in_days=-3, opened_days_ago=90)
    client.force_login(world.manager_a)
    response = client.get(page_url(world.cluster_a))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Circular textiles" in html and "OLD-2020" not in html
    assert "Fit: 100 %" in html
    assert "ecosystem Textiles matches" in html
    assert "For:" in html  # the reason's direction in words, not only in colour
    assert f'action="/en/finansiering/kluster/{world.cluster_a.slug}/bokmark/TEX-2026"' in html
    assert "No call is bookmarked yet." in html


def test_regional_officer_of_the_region_sees_the_page_without_buttons(client, world):
    make_funding_call("TEX-2026", closes_in_days=40, ecosystems=[world.textiles])
    client.force_login(world.regional_a)
    response = client.get(page_url(world.cluster_a))
    assert response.status_code == 200
    assert "bokmark/" not in response.content.decode()


@pytest.mark.parametrize("persona", ["manager_b", "regional_b", "outsider"])
def test_others_who_see_the_cluster_are_refused(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(page_url(world.cluster_a)).status_code == 403


def test_an_unpublished_cluster_does_not_exist_for_outsiders_and_anonymous_is_sent_to_sign_in(client, world):
    hidden = ClusterFactory(is_published=False)
    client.force_login(world.outsider)
    assert client.get(page_url(hidden)).status_code == 404
    client.logout()
    response = client.get(page_url(world.cluster_a))
    assert response.status_code == 302 and "logga-in" in response["Location"]


def test_filters_minimum_fit_status_and_bookmarked(client, world):
    make_funding_call("GOOD", closes_in_days=40, ecosystems=[world.textiles])
    make_funding_call("POOR", closes_in_days=5, ecosystems=[EcosystemFactory(code="health")])
    make_funding_call("LATER", opened_days_ago=-10, closes_in_days=90)
    FundingInterest.objects.create(
        call=make_funding_call("SAVED", closes_in_days=60), cluster=world.cluster_a, bookmarked=True
    )
    client.force_login(world.manager_a)

    def shown(query):
        html = client.get(page_url(world.cluster_a) + query).content.decode()
        return {i for i in ["GOOD", "POOR", "LATER", "SAVED"] if f'bokmark/{i}"' in html}

    assert shown("") == {"GOOD", "POOR", "LATER", "SAVED"}
    assert shown("?min_fit=60") == {"GOOD", "LATER", "SAVED"}
    assert shown("?status=forthcoming") == {"LATER"}
    assert shown("?tracked=bookmarked") == {"SAVED"}
    response = client.get(page_url(world.cluster_a) + "?tracked=intending")
    assert "No call matches these filters." in response.content.decode()


def test_empty_state_when_there_is_nothing_to_score(client, world):
    client.force_login(world.manager_a)
    html = client.get(page_url(world.cluster_a)).content.decode()
    assert "There are no open or forthcoming calls to score yet." in html


def test_bookmarks_and_intentions_are_listed_with_closed_calls_too(client, world):
    closed = make_funding_call("DONE-2025", closes_in_days=-2, opened_days_ago=60)
    FundingInterest.objects.create(call=closed, cluster=world.cluster_a, intends_to_apply=True)
    client.force_login(world.regional_a)
    html = client.get(page_url(world.cluster_a)).content.decode()
    assert "DONE-2025" in html and "Closed" in html


def test_query_count_of_the_page_is_pinned_and_does_not_grow_with_the_calls(client, world, django_assert_num_queries):
    client.force_login(world.manager_a)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page_url(world.cluster_a)).status_code == 200
        return len(captured)

    for n in range(3):
        make_funding_call(
            f"FEW-{n}", closes_in_days=40 + n, ecosystems=[world.textiles], requires_smes=True, min_partners=3
        )
    few = queries()
    for n in range(30):
        make_funding_call(f"MANY-{n:02d}", closes_in_days=50 + n, min_partners=3, requires_smes=True)
    many = queries()
    assert few == many
    with django_assert_num_queries(16):
        client.get(page_url(world.cluster_a))


def test_the_call_page_part_shows_fit_and_bookmark_per_cluster_the_user_tracks(world):
    call = make_funding_call("TEX-2026", closes_in_days=40, ecosystems=[world.textiles])
    FundingInterest.objects.create(call=call, cluster=world.cluster_a, intends_to_apply=True)
    template = Template("{% load funding_tracking %}{% call_actions call %}")

    def render(user):
        request = RequestFactory().get("/en/finansiering/TEX-2026/")
        request.user = user
        with translation.override("en"):
            return template.render(Context({"call": call, "request": request}))

    html = render(world.manager_a)
    assert world.cluster_a.name in html and "Fit: 100 %" in html and "Remove bookmark" not in html
    assert f"/finansiering/kluster/{world.cluster_a.slug}/bokmark/TEX-2026" in html
    assert "You have said you intend to apply." in html
    assert world.cluster_b.name not in render(world.manager_a)
    officer = render(world.officer)
    assert "1 cluster intends to apply." in officer and "bokmark/" not in officer
    assert "0 clusters intend to apply." in render(world.regional_b)
    assert render(world.outsider).strip() == ""


def test_profile_link_to_calls_for_you_is_shown_to_those_who_may_see_the_fit(client, world):
    client.force_login(world.manager_a)
    url = f"/en/kluster/{world.cluster_a.slug}/"
    assert "Funding calls for you" in client.get(url).content.decode()
    client.force_login(world.outsider)
    assert "Funding calls for you" not in client.get(url).content.decode()


def test_deadline_is_shown_in_its_own_time_zone(client, world):
    at = (timezone.now() + datetime.timedelta(days=40)).replace(hour=12, minute=0, second=0, microsecond=0)
    make_funding_call(
        "NY-ZONE", deadlines=[{"at": at, "time_zone": "America/New_York", "stage": 1}], ecosystems=[world.textiles]
    )
    client.force_login(world.manager_a)
    html = client.get(page_url(world.cluster_a)).content.decode()
    local = timezone.localtime(at, datetime.timezone(datetime.timedelta(0))).astimezone(
        __import__("zoneinfo").ZoneInfo("America/New_York")
    )
    assert f"{local:%H:%M}</time> America/New_York" in html


def test_the_call_page_carries_the_tracking_part(client, world):
    call = make_funding_call("EuropeAid/1/DD", closes_in_days=40)
    FundingInterest.objects.create(call=call, cluster=world.cluster_b, intends_to_apply=True)
    with translation.override("en"):
        url = call.get_absolute_url()
    client.force_login(world.manager_a)
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "For your clusters" in html and "bokmark/EuropeAid/1/DD" in html
    client.force_login(world.officer)
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Intentions to apply" in html and "1 cluster intends to apply." in html
    assert "avsikter/?call=EuropeAid/1/DD" in html
