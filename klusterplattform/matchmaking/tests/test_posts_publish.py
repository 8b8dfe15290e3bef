"""Publishing, changing and closing a partner search through the pages: the form's rules (cluster among those the
user manages, open-until date, funding call only for that purpose), invalid input writes nothing, and who may."""

import datetime

import pytest
from django.utils import timezone, translation

from klusterplattform.funding.tests.funding_world import make_funding_call
from klusterplattform.matchmaking.models import PartnerSearch
from klusterplattform.matchmaking.tests.world import build_world, make_post
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import EcosystemFactory, RegionFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
ADD = "/en/partnersok/ny/"


@pytest.fixture
def world():
    return build_world()


def day(offset: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=offset)).isoformat()


def form_data(world, **changes) -> dict:
    data = {
        "cluster": world.cluster_a.pk,
        "title": "Partners for circular textiles",
        "offer": "Pilot plants for fibre recycling.",
        "seek": "Research partners in sorting technology.",
        "partner_types": ["research", "sme"],
        "countries_sought": ["DE", "FR"],
        "purpose": "project",
        "expires_on": day(60),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_manager_publishes_a_partner_search_with_its_lists_and_relations(client, world):
    textiles = EcosystemFactory(code="textiles", name_en="Textiles")
    region = RegionFactory(code="FRK2", level="nuts2", country="FR", name_en="Rhône-Alpes")
    client.force_login(world.manager_a)
    response = client.post(
        ADD, form_data(world, ecosystems=["textiles"], regions_sought=["FRK2"], countries_sought=["FR", "DE"]), **EN
    )
    post = PartnerSearch.objects.get()
    assert response.status_code == 302 and response["Location"] == post.get_absolute_url()
    assert post.cluster == world.cluster_a and post.author == world.manager_a
    assert post.partner_types == ["research", "sme"]
    assert post.countries_sought == ["DE", "FR"]
    assert list(post.ecosystems.all()) == [textiles] and list(post.regions_sought.all()) == [region]
    assert "circular textiles" in post.search_text and post.status == "open"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"offer": ""}, "offer"),
        ({"seek": ""}, "seek"),
        ({"purpose": ""}, "purpose"),
        ({"purpose": "world_peace"}, "purpose"),
        ({"partner_types": ["robots"]}, "partner_types"),
        ({"countries_sought": ["XX"]}, "countries_sought"),
        ({"regions_sought": ["NOPE"]}, "regions_sought"),
        ({"ecosystems": ["no-such-term"]}, "ecosystems"),
        ({"expires_on": day(-1)}, "expires_on"),
        ({"expires_on": day(400)}, "expires_on"),
        ({"expires_on": "not a date"}, "expires_on"),
        ({"purpose": "funding_call"}, "funding_call"),
        ({"purpose": "funding_call", "funding_call": "NO-SUCH-CALL"}, "funding_call"),
    ],
)
def test_invalid_input_shows_the_error_and_writes_nothing(client, world, changes, field):
    client.force_login(world.manager_a)
    response = client.post(ADD, form_data(world, **changes), **EN)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "There is a problem" in response.content.decode()
    assert not PartnerSearch.objects.exists()


def test_open_until_today_and_a_year_ahead_are_allowed(client, world):
    client.force_login(world.manager_a)
    for offset in (0, 365):
        assert client.post(ADD, form_data(world, expires_on=day(offset)), **EN).status_code == 302
    assert PartnerSearch.objects.count() == 2


def test_funding_call_is_chosen_by_identifier_among_calls_that_have_not_closed(client, world):
    call = make_funding_call("SMP-COSME-2026-CLUSTER-01", closes_in_days=30)
    make_funding_call("CLOSED-CALL", closes_in_days=-3)
    make_funding_call("HIDDEN-CALL", closes_in_days=30, is_published=False)
    client.force_login(world.manager_a)
    for identifier in ("CLOSED-CALL", "HIDDEN-CALL"):
        response = client.post(ADD, form_data(world, purpose="funding_call", funding_call=identifier), **EN)
        assert "funding_call" in response.context["form"].errors
    response = client.post(ADD, form_data(world, purpose="funding_call", funding_call=" " + call.identifier), **EN)
    assert response.status_code == 302
    assert PartnerSearch.objects.get().funding_call == call


def test_funding_call_is_refused_when_the_purpose_is_not_a_funding_call(client, world):
    make_funding_call("SMP-COSME-2026-CLUSTER-01")
    client.force_login(world.manager_a)
    response = client.post(ADD, form_data(world, funding_call="SMP-COSME-2026-CLUSTER-01"), **EN)
    assert "funding_call" in response.context["form"].errors
    assert not PartnerSearch.objects.exists()


def test_manager_cannot_publish_for_a_cluster_they_do_not_manage(client, world):
    client.force_login(world.manager_a)
    response = client.post(ADD, form_data(world, cluster=world.cluster_b.pk), **EN)
    assert "cluster" in response.context["form"].errors
    assert not PartnerSearch.objects.exists()


def test_manager_of_two_clusters_chooses_between_them(client, world):
    grant_role(world.manager_a, "cluster_manager", clusters=[world.cluster_c.slug])
    client.force_login(world.manager_a)
    form = client.get(ADD, **EN).context["form"]
    assert set(form.fields["cluster"].queryset) == {world.cluster_a, world.cluster_c}
    assert client.post(ADD, form_data(world, cluster=world.cluster_c.pk), **EN).status_code == 302
    assert PartnerSearch.objects.get().cluster == world.cluster_c


@pytest.mark.parametrize("persona", ["officer", "regional_a", "outsider"])
def test_only_cluster_managers_reach_the_publish_page(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(ADD, **EN).status_code == 403
    assert client.post(ADD, form_data(world), **EN).status_code == 403
    assert not PartnerSearch.objects.exists()


def test_anonymous_visitor_is_sent_to_sign_in(client, world):
    response = client.get(ADD)
    assert response.status_code == 302 and "next=" in response["Location"]


def test_manager_edits_their_post_and_the_cluster_stays(client, world):
    post = make_post(world.cluster_a)
    client.force_login(world.manager_a)
    url = f"/en/partnersok/{post.pk}/andra/"
    assert "cluster" not in client.get(url, **EN).context["form"].fields
    response = client.post(url, form_data(world, title="New title", cluster=world.cluster_b.pk), **EN)
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "New title" and post.cluster == world.cluster_a and "new title" in post.search_text


def test_invalid_edit_keeps_the_saved_post(client, world):
    post = make_post(world.cluster_a, title="Kept")
    client.force_login(world.manager_a)
    response = client.post(f"/en/partnersok/{post.pk}/andra/", form_data(world, title=""), **EN)
    assert response.status_code == 200 and response.context["post"].title == "Kept"
    post.refresh_from_db()
    assert post.title == "Kept"


@pytest.mark.parametrize(("persona", "status"), [("manager_b", 403), ("officer", 403), ("outsider", 403)])
def test_others_cannot_edit_or_close_a_post(client, world, persona, status):
    post = make_post(world.cluster_a, title="Kept")
    client.force_login(getattr(world, persona))
    assert client.post(f"/en/partnersok/{post.pk}/andra/", form_data(world, title="Changed"), **EN).status_code == 403
    assert client.post(f"/en/partnersok/{post.pk}/stang/", **EN).status_code == status
    post.refresh_from_db()
    assert post.title == "Kept" and post.closed_at is None


def test_closing_asks_first_and_then_closes(client, world):
    post = make_post(world.cluster_a)
    client.force_login(world.manager_a)
    url = f"/en/partnersok/{post.pk}/stang/"
    assert "Close the partner search" in client.get(url, **EN).content.decode()
    post.refresh_from_db()
    assert post.closed_at is None
    assert client.post(url, **EN).status_code == 302
    post.refresh_from_db()
    assert post.status == "closed"
    assert client.get(post.get_absolute_url(), **EN).status_code == 200  # its managers still see it


def test_closed_and_expired_posts_are_hidden_from_others(client, world):
    closed = make_post(world.cluster_a, closed=True)
    expired = make_post(world.cluster_a)
    PartnerSearch.objects.filter(pk=expired.pk).update(expires_on=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(world.manager_b)
    for post in (closed, expired):
        assert client.get(post.get_absolute_url(), **EN).status_code == 404
    client.force_login(world.officer)
    assert client.get(closed.get_absolute_url(), **EN).status_code == 200


def test_user_text_is_escaped_on_the_pages(client, world):
    post = make_post(world.cluster_a, title="<script>alert(1)</script>", offer="<b>bold</b>")
    with translation.override("en"):
        url = post.get_absolute_url()
    body = client.get(url, **EN).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body
    assert "<b>bold</b>" not in body
    assert 'href="/en/partnersok/" aria-current="true"' in body  # the header marks the section


def test_swedish_pages_render_without_a_language_prefix(client, world):
    post = make_post(world.cluster_a)
    client.force_login(world.manager_b)
    for url in ("/partnersok/", post.get_absolute_url().replace("/en/", "/"), "/partnersok/mina/"):
        assert client.get(url).status_code == 200
    assert client.get(f"/partnersok/{post.pk}/intresse/").status_code == 200
