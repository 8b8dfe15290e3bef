"""The effect view: mean change of a focus area's indicators for clusters that took part in its activities against
those that did not, computed by hand on a small world; the group-size rule; who may see it."""

import datetime

import pytest
from django.utils import timezone

from klusterplattform.activities.effect import compare
from klusterplattform.activities.models import FocusArea, FocusAreaIndicator, Registration
from klusterplattform.excellence.tests.factories import (
    AnswerFactory,
    AssessmentFactory,
    CatalogueFactory,
    IndicatorFactory,
    RoundFactory,
)
from klusterplattform.registry.tests.factories import ClusterFactory

from .activities_world import build_world, make_activity

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def at(year, month, day):
    return datetime.datetime(year, month, day, 10, tzinfo=UTC)


def register(activity, cluster, attended=None, status="confirmed"):
    Registration.objects.create(
        activity=activity,
        cluster=cluster,
        name="Person",
        email=f"{cluster.slug}-{activity.pk}@example.org",
        status=status,
        queued_at=timezone.now(),
        attended=attended,
    )


@pytest.fixture
def world():
    world = build_world("e")
    programme = world.programme
    catalogue = CatalogueFactory(code="eff")
    higher = IndicatorFactory(catalogue=catalogue, code="H1", direction="higher")
    lower = IndicatorFactory(catalogue=catalogue, code="L1", direction="lower")
    neutral = IndicatorFactory(catalogue=catalogue, code="N1", direction="neutral")
    focus = FocusArea.objects.create(programme=programme, code="funding", name_sv="Fin", name_en="Funding")
    small = FocusArea.objects.create(programme=programme, code="small", name_sv="Liten", name_en="Small")
    for indicator in (higher, lower, neutral):
        FocusAreaIndicator.objects.create(focus_area=focus, lineage=indicator.lineage)
    FocusAreaIndicator.objects.create(focus_area=small, lineage=higher.lineage)
    first = RoundFactory(
        programme=programme,
        catalogue=catalogue,
        slug="r-2025",
        opens_on=datetime.date(2025, 1, 1),
        closes_on=datetime.date(2025, 2, 28),
    )
    second = RoundFactory(
        programme=programme,
        catalogue=catalogue,
        slug="r-2026",
        opens_on=datetime.date(2026, 1, 1),
        closes_on=datetime.date(2026, 2, 28),
    )
    took = [ClusterFactory(slug=f"took-{i}") for i in range(1, 7)]
    others = [ClusterFactory(slug=f"other-{j}") for j in range(1, 6)]

    def assess(cluster, round_, values, status="validated"):
        assessment = AssessmentFactory(round=round_, cluster=cluster, status=status)
        for indicator, number in values.items():
            AnswerFactory(assessment=assessment, indicator=indicator, number=number)

    # Took part: higher rises by i (1..6: mean 3.5); lower falls by 2 (an improvement of +2); took-6 has no lower
    # value in the second round, so the lower indicator has five clusters there.
    for i, cluster in enumerate(took, start=1):
        assess(cluster, first, {higher: 10, lower: 5, neutral: 1})
        assess(cluster, second, {higher: 10 + i, neutral: 7, **({lower: 3} if i < 6 else {})})
    # Did not: higher rises by 0..4 (mean 2); lower rises by 1 (a worsening: -1).
    for j, cluster in enumerate(others):
        assess(cluster, first, {higher: 10, lower: 5})
        assess(cluster, second, {higher: 10 + j, lower: 6})
    # Not compared: only one validated assessment.
    once = ClusterFactory(slug="once")
    assess(once, first, {higher: 0})
    assess(once, second, {higher: 100}, status="submitted")

    marked = make_activity(programme, starts_at=at(2025, 6, 1), ends_at=at(2025, 6, 2))
    marked.focus_areas.set([focus])
    for cluster in took[:5]:
        register(marked, cluster, attended=True)
    register(marked, others[0], attended=False)  # registered but did not come
    register(marked, once, attended=True)
    unmarked = make_activity(programme, starts_at=at(2025, 9, 1), ends_at=at(2025, 9, 1) + datetime.timedelta(hours=2))
    unmarked.focus_areas.set([focus, small])
    register(unmarked, took[5])  # attendance never marked: the confirmed registration counts
    register(unmarked, others[1], status="cancelled")
    before = make_activity(programme, starts_at=at(2024, 6, 1), ends_at=at(2024, 6, 2))
    before.focus_areas.set([focus])
    register(before, others[2], attended=True)  # before the first round
    elsewhere = make_activity(programme, starts_at=at(2025, 6, 1), ends_at=at(2025, 6, 2))
    register(elsewhere, others[3], attended=True)  # no focus area
    world.__dict__.update(
        focus=focus, small=small, first=first, second=second, took=took, others=others, higher=higher, lower=lower
    )
    return world


def test_effect_by_hand(world):
    result = compare(world.programme, world.first, world.second, world.focus)
    assert set(result.took_part) == {cluster.pk for cluster in world.took}
    assert result.others == {cluster.pk for cluster in world.others}
    rows = {row.lineage: row for row in result.indicators}
    assert set(rows) == {"eff:H1", "eff:L1"}  # the neutral one is skipped
    assert [item.code for item in result.skipped_neutral] == ["N1"]
    high = rows["eff:H1"]
    assert (high.took_part_n, high.others_n) == (6, 5)
    assert high.took_part_mean == pytest.approx(3.5) and high.others_mean == pytest.approx(2.0)
    assert high.difference == pytest.approx(1.5)
    low = rows["eff:L1"]
    assert (low.took_part_n, low.others_n) == (5, 5)
    assert low.took_part_mean == pytest.approx(2.0) and low.others_mean == pytest.approx(-1.0)
    assert low.difference == pytest.approx(3.0)


def test_small_groups_give_no_figures(world):
    result = compare(world.programme, world.first, world.second, world.small)
    (row,) = result.indicators
    assert (row.took_part_n, row.others_n) == (1, 10)
    assert not row.comparable and row.difference is None


def url(world, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/en/program/{world.programme.slug}/effekt/?{query}"


def test_page_for_officers_only(client, world):
    target = url(world, **{"from": "r-2025", "to": "r-2026", "focus": "funding"})
    assert client.get(target).status_code == 302
    for user in (world.manager, world.outsider):
        client.force_login(user)
        assert client.get(target).status_code == 403
    client.force_login(world.officer)
    text = client.get(target).text
    assert "not proof of cause" in text
    assert "1.50" in text and "3.00" in text and "-1.00" in text
    assert "6 clusters took part" in text


def test_page_small_group(client, world):
    client.force_login(world.officer)
    text = client.get(url(world, **{"from": "r-2025", "to": "r-2026", "focus": "small"})).text
    assert "Too few clusters to compare" in text
    assert "1.50" not in text


def test_page_bad_input(client, world):
    client.force_login(world.officer)
    text = client.get(url(world, **{"from": "r-2026", "to": "r-2025", "focus": "funding"})).text
    assert "The first round must open before the second" in text
    text = client.get(url(world, **{"from": "r-2025", "to": "r-2025", "focus": "funding"})).text
    assert "Choose two different rounds" in text
    response = client.get(url(world, **{"from": "nope", "to": "r-2025", "focus": "x"}))
    assert response.status_code == 200 and "Select a valid choice" in response.text
    response = client.get(f"/en/program/{world.programme.slug}/effekt/")
    assert response.status_code == 200 and "not proof of cause" in response.text


def test_demo_clusters_are_left_out_of_a_real_programme(world):
    for cluster in world.took[:2]:
        type(cluster).objects.filter(pk=cluster.pk).update(is_demo=True)
    result = compare(world.programme, world.first, world.second, world.focus)
    assert result.took_part == {cluster.pk for cluster in world.took[2:]}
    high = next(row for row in result.indicators if row.lineage == "eff:H1")
    assert high.took_part_n == 4 and not high.comparable  # 4 < MIN_GROUP: no figures
