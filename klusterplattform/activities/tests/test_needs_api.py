"""GET /api/v1/programmes/{slug}/needs: the same figures and rules as the page (401, 403, 404, names for officers
only, own positions for cluster managers, disclosure control)."""

import pytest

from klusterplattform.accounts.models import ApiToken
from klusterplattform.activities.tests.needs_world import EXPECTED_RANKING, World

pytestmark = pytest.mark.django_db


def headers(user):
    _token, raw = ApiToken.issue(user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}", "HTTP_ACCEPT_LANGUAGE": "en"}


def needs(client, world, user, query=""):
    return client.get(f"/api/v1/programmes/{world.programme.slug}/needs{query}", **headers(user))


def test_anonymous_gets_401(client):
    world = World()
    assert client.get(f"/api/v1/programmes/{world.programme.slug}/needs").status_code == 401


def test_an_officer_gets_the_ranking_with_names(client):
    world = World()
    world.state("C1", {"lead": 5}, text="Mentoring")
    body = needs(client, world, world.users["officer"]).json()
    assert [n["code"] for n in body["ranking"]] == EXPECTED_RANKING
    h1 = body["ranking"][0]
    assert (h1["judged"], h1["below_median"], h1["bottom_quartile"], h1["rank"]) == (5, 3, 3, 1)
    assert [p["cluster_name"] for p in h1["clusters_below_median"]] == ["Kluster C1", "Kluster C2", "Kluster C3"]
    assert [n["code"] for n in body["neutral"]] == ["N1"]
    assert body["stated_texts"] == [{"cluster_name": "Kluster C1", "text": "Mentoring"}]
    lead = next(f for f in body["focus_areas"] if f["code"] == "lead")
    assert lead["needs"] == ["H1", "H3"] and lead["need_score"] == 50 and lead["stated_mean"] == 5


def test_a_cluster_manager_gets_the_aggregate_and_their_own_positions_only(client):
    world = World()
    body = needs(client, world, world.users["manager"]).json()
    assert body["ranking"][0]["clusters_below_median"] is None and body["stated_texts"] is None
    assert {p["cluster_name"] for p in body["own_positions"]} == {"Kluster C1"}
    assert "Kluster C2" not in str(body)


def test_a_regional_officer_gets_the_aggregate_without_names(client):
    world = World()
    body = needs(client, world, world.users["regional"]).json()
    assert body["aggregate_shown"] and body["own_positions"] == []
    assert "Kluster C" not in str(body)


def test_outsiders_get_403_or_404_and_unknown_rounds_404(client):
    world = World()
    assert needs(client, world, world.users["outsider"]).status_code == 403
    assert needs(client, world, world.users["officer"], "?round=nope").status_code == 404
    assert client.get("/api/v1/programmes/nope/needs", **headers(world.users["officer"])).status_code == 404
    world.programme.is_published = False
    world.programme.save()
    assert needs(client, world, world.users["outsider"]).status_code == 404


def test_small_groups_withhold_figures_from_non_officers(client):
    world = World(clusters=4)
    body = needs(client, world, world.users["manager"]).json()
    assert not body["aggregate_shown"] and body["ranking"] == [] and body["areas"] == []
    assert "fewer than 5" in body["message"]
    own = {p["code"]: p["position"] for p in body["own_positions"]}
    assert own == {"H1": 0, "H2": 10, "H3": 10, "L1": 10, "H4": 50, "N1": None}  # neutral: value, no position
    officer = needs(client, world, world.users["officer"]).json()
    assert officer["aggregate_shown"] and officer["small_group"] and officer["ranking"]


def test_the_round_parameter_picks_the_round(client):
    world = World()
    body = needs(client, world, world.users["officer"], f"?round={world.round.slug}").json()
    assert body["round"]["slug"] == world.round.slug and body["round"]["validated"] == 5
