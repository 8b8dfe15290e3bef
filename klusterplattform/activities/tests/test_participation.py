"""Participation statistics: took part (attended, or registered where attendance is not marked), per activity,
cluster, focus area and period; who sees which cluster rows; the export; demo clusters; query counts."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from klusterplattform.activities import participation
from klusterplattform.activities.models import FocusArea, Registration
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.models import ProgrammeParticipation
from klusterplattform.registry.tests.factories import ClusterFactory, RegionFactory, UserFactory

from .activities_world import build_world, make_activity

pytestmark = pytest.mark.django_db
STOCKHOLM = datetime.timezone(datetime.timedelta(hours=1))


def at(year, month, day):
    return datetime.datetime(year, month, day, 10, tzinfo=STOCKHOLM)


def register(activity, cluster, n, *, attended=None, status="confirmed", prefix="p"):
    for i in range(n):
        Registration.objects.create(
            activity=activity,
            cluster=cluster,
            name=f"Person {i}",
            email=f"{prefix}{i}-{cluster.slug}-{activity.pk}@example.org",
            status=status,
            queued_at=timezone.now(),
            attended=attended,
        )


@pytest.fixture
def world():
    world = build_world("p")
    region = RegionFactory(code="p2")
    world.third = ClusterFactory(slug="p-third", regions=[region])
    ProgrammeParticipation.objects.create(programme=world.programme, cluster=world.third)
    world.regional = UserFactory(email="p-regional@example.org")
    grant_role(world.regional, "regional_officer", regions=["p2"])
    world.f1 = FocusArea.objects.create(programme=world.programme, code="f1", name_sv="Ett", name_en="One", position=1)
    world.f2 = FocusArea.objects.create(programme=world.programme, code="f2", name_sv="Två", name_en="Two", position=2)
    a1 = make_activity(world.programme, title_en="Marked", starts_at=at(2025, 2, 10), ends_at=at(2025, 2, 11))
    a1.focus_areas.set([world.f1])
    register(a1, world.own, 2, attended=True)
    register(a1, world.other, 1, attended=False)
    a2 = make_activity(world.programme, title_en="Unmarked", starts_at=at(2025, 8, 10), ends_at=at(2025, 8, 11))
    a2.focus_areas.set([world.f2])
    register(a2, world.own, 1)
    register(a2, world.other, 1)
    register(a2, world.third, 1, status="cancelled")
    a3 = make_activity(world.programme, title_en="Coming", starts_in_days=10)
    a3.focus_areas.set([world.f1])
    register(a3, world.other, 1)
    hidden = make_activity(world.programme, title_en="Unpublished", starts_in_days=-5, is_published=False)
    register(hidden, world.third, 3, attended=True)
    world.a1, world.a2, world.a3 = a1, a2, a3
    return world


def test_build_counts_by_hand(world):
    report = participation.build(world.programme, {world.own.pk, world.other.pk, world.third.pk})
    assert report.participants == 3
    rows = {row.activity.title_en: row for row in report.activity_rows}
    assert set(rows) == {"Marked", "Unmarked", "Coming"}
    assert (rows["Marked"].clusters, rows["Marked"].people, rows["Marked"].basis) == (1, 2, participation.ATTENDED)
    assert (rows["Unmarked"].clusters, rows["Unmarked"].people, rows["Unmarked"].basis) == (2, 2, "unmarked")
    assert (rows["Coming"].clusters, rows["Coming"].basis) == (1, participation.UPCOMING)
    clusters = {row.cluster.slug: row for row in report.cluster_rows}
    assert (clusters["p-own"].activities, clusters["p-own"].people) == (2, 3)
    assert clusters["p-own"].by_focus == {world.f1.pk: 1, world.f2.pk: 1}
    assert (clusters["p-other"].activities, clusters["p-other"].people) == (2, 2)
    assert (clusters["p-third"].activities, clusters["p-third"].people) == (0, 0)
    focus = {row.focus_area.code: row for row in report.focus_rows}
    assert (focus["f1"].activities, focus["f1"].clusters) == (2, 2)
    assert (focus["f2"].activities, focus["f2"].clusters) == (1, 2)
    assert report.reached == 2
    periods = [(row.label, row.activities, row.clusters) for row in report.period_rows]
    assert periods[:2] == [("2025 H1", 1, 1), ("2025 H2", 1, 2)]
    year = participation.build(world.programme, set(), "year")
    assert [(row.label, row.activities) for row in year.period_rows][0] == ("2025", 2)
    assert year.cluster_rows == []
    quarter = participation.build(world.programme, set(), "quarter")
    assert [row.label for row in quarter.period_rows][:2] == ["2025 Q1", "2025 Q3"]


def test_demo_clusters_do_not_count_in_a_real_programme(world):
    demo = ClusterFactory(slug="p-demo", is_demo=True)
    ProgrammeParticipation.objects.create(programme=world.programme, cluster=demo)
    register(world.a1, demo, 4, attended=True)
    report = participation.build(world.programme, {demo.pk})
    assert report.participants == 3
    assert report.activity_rows[0].people == 2 and report.cluster_rows == []


def page(client, world, user):
    if user:
        client.force_login(user)
    return client.get(f"/en/program/{world.programme.slug}/deltagande/")


def test_who_sees_which_rows(client, world):
    assert page(client, world, None).status_code == 302
    for user in (world.outsider, world.outside_manager):
        assert page(client, world, user).status_code == 403
    text = page(client, world, world.manager).text
    assert world.own.name in text and world.other.name not in text and world.third.name not in text
    assert "1 of 3 clusters" in text and "2 of 3 clusters" in text  # the totals are for everyone
    assert "registered, attendance not marked" in text
    text = page(client, world, world.regional).text
    assert world.third.name in text and world.own.name not in text
    text = page(client, world, world.officer).text
    assert all(cluster.name in text for cluster in (world.own, world.other, world.third))
    assert "<svg" in text and "Did it work?" in text


def test_unpublished_programme_is_404(client, world):
    world.programme.is_published = False
    world.programme.save()
    assert page(client, world, world.manager).status_code == 404
    assert page(client, world, world.officer).status_code == 200


def test_export_has_only_the_rows_the_user_may_see(client, world):
    client.force_login(world.manager)
    response = client.get(f"/en/program/{world.programme.slug}/deltagande/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Cluster", "Activities taken part in", "People"] and rows[0][3:] == ["One", "Two"]
    assert rows[1:] == [[world.own.name, "2", "3", "1", "1"]]
    response = client.get(f"/en/program/{world.programme.slug}/deltagande/export.csv?table=activities")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["Marked", "Unmarked", "Coming"]
    assert rows[1][2:5] == ["1", "3", "2"]
    response = client.get(f"/en/program/{world.programme.slug}/deltagande/export.xlsx")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert client.get(f"/en/program/{world.programme.slug}/deltagande/export.pdf").status_code == 404
    client.force_login(world.outside_manager)
    assert client.get(f"/en/program/{world.programme.slug}/deltagande/export.csv").status_code == 403


def test_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    client.force_login(world.officer)
    page(client, world, None)
    with django_assert_max_num_queries(14):
        assert page(client, world, None).status_code == 200
    for n in range(10):
        activity = make_activity(world.programme, starts_in_days=-n - 2)
        activity.focus_areas.set([world.f1, world.f2])
        register(activity, world.third, 2, attended=True)
    with django_assert_max_num_queries(14):
        assert page(client, world, None).status_code == 200


def test_a_demo_programme_counts_its_demo_clusters(world):
    world.programme.is_demo = True
    world.programme.save()
    demo = ClusterFactory(slug="p-demo", is_demo=True)
    ProgrammeParticipation.objects.create(programme=world.programme, cluster=demo)
    register(world.a1, demo, 4, attended=True)
    report = participation.build(world.programme, {demo.pk}, period="no-such-period")
    assert report.participants == 4 and report.period == "half"
    assert report.activity_rows[0].people == 6 and report.cluster_rows[0].people == 4


def test_withdrawn_clusters_are_not_participants(world):
    ProgrammeParticipation.objects.filter(cluster=world.third).update(status="withdrawn")
    world.programme = type(world.programme).objects.get(pk=world.programme.pk)  # no cached participants
    assert participation.build(world.programme, set()).participants == 2
