"""What the weekly digest tells a cluster manager: new calls that fit (with reasons), deadlines within 30 days of
bookmarked, intended and fitting calls, in both languages, with links; and to whom it goes."""

import datetime
import zoneinfo

import pytest
from django.core import mail as outbox
from django.utils import timezone

from klusterplattform.funding.fit import fit_for
from klusterplattform.funding.models import DigestPreference, FundingCall, FundingInterest
from klusterplattform.funding.tests.digest_world import digest_world, english, sections, send, swedish, to
from klusterplattform.funding.tests.funding_world import make_funding_call
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import ClusterFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return digest_world()


def test_the_world_is_what_the_tests_assume(world):
    fits = {c: fit_for(world.cluster_a, getattr(world.calls, c)) for c in ("fit_far", "fit_soon", "unfit", "book_soon")}
    assert fits["fit_far"].eligible and fits["fit_far"].percentage >= 50
    assert fits["fit_soon"].eligible and fits["fit_soon"].percentage >= 50
    assert not fits["unfit"].eligible
    assert fits["book_soon"].percentage < 50


def test_a_manager_gets_new_fitting_calls_and_deadlines_within_30_days(world):
    send()

    [message] = to(world.manager_a)
    new, deadlines = sections(english(message))
    assert "FIT-FAR" in new and "FIT-SOON" in new
    assert "UNFIT" not in message.body and "BOOK-LATER" not in message.body  # beyond 30 days
    # Deadlines: the bookmarked call and the fitting call that close within 30 days, soonest first.
    assert deadlines.index("BOOK-SOON") < deadlines.index("FIT-SOON")
    assert "FIT-FAR" not in deadlines
    assert "bookmarked" in deadlines.split("FIT-SOON")[0]
    assert "ecosystem Textiles matches" in new
    assert "Fit: 100 %" in new or "Fit: 9" in new


def test_the_message_is_in_swedish_first_then_english_with_links_to_each_language(world, settings):
    settings.KP_BASE_URL = "https://kluster.example.org"
    send()

    [message] = to(world.manager_a)
    assert "Funding calls for you, week" in message.subject
    assert "https://kluster.example.org/finansiering/bevakning/" in swedish(message)
    assert "https://kluster.example.org/en/finansiering/bevakning/" in english(message)
    assert "https://kluster.example.org/en/finansiering/utlysning/FIT-FAR/" in english(message)
    assert f"https://kluster.example.org/en/finansiering/kluster/{world.cluster_a.slug}/" in english(message)
    assert message.extra_headers["List-Unsubscribe"] == "<https://kluster.example.org/finansiering/bevakning/>"


def test_a_deadline_is_shown_in_its_own_zone(world):
    ny = zoneinfo.ZoneInfo("America/New_York")
    day = (timezone.now() + datetime.timedelta(days=12)).astimezone(ny).date()
    at = datetime.datetime.combine(day, datetime.time(17, 0), tzinfo=ny)
    call = make_funding_call("NY-SOON", deadlines=[{"at": at, "time_zone": "America/New_York", "stage": 1}])
    FundingInterest.objects.create(cluster=world.cluster_a, call=call, intends_to_apply=True)

    send()

    _new, deadlines = sections(english(to(world.manager_a)[0]))
    line = next(line for line in deadlines.splitlines() if "NY-SOON" in line)
    assert f"{day:%Y-%m-%d} 17:00 America/New_York" in line
    assert "you intend to apply" in deadlines.split("NY-SOON", 1)[1].splitlines()[1]


def test_each_stage_of_a_two_stage_call_within_30_days_is_listed(world):
    brussels = zoneinfo.ZoneInfo("Europe/Brussels")
    now = timezone.now()
    call = make_funding_call(
        "TWO-SOON",
        deadline_model="two-stage",
        deadlines=[
            {"at": now + datetime.timedelta(days=5), "time_zone": "Europe/Brussels", "stage": 1},
            {
                "at": (now + datetime.timedelta(days=25)).astimezone(brussels),
                "time_zone": "Europe/Brussels",
                "stage": 2,
            },
        ],
    )
    FundingInterest.objects.create(cluster=world.cluster_a, call=call, bookmarked=True)
    send()
    _new, deadlines = sections(english(to(world.manager_a)[0]))
    assert "TWO-SOON Funding call TWO-SOON (first stage)" in deadlines
    assert "TWO-SOON Funding call TWO-SOON (second stage)" in deadlines


def test_calls_created_before_the_last_week_are_not_new_but_their_deadlines_still_show(world):
    FundingCall.objects.filter(identifier="FIT-SOON").update(created_at=timezone.now() - datetime.timedelta(days=20))
    send()
    new, deadlines = sections(english(to(world.manager_a)[0]))
    assert "FIT-SOON" not in new and "FIT-FAR" in new
    assert "FIT-SOON" in deadlines


def test_nothing_to_tell_sends_nothing(world):
    # Manager B's cluster has no ecosystem that fits and no bookmarks.
    send()
    assert to(world.manager_b) == []


def test_only_cluster_managers_receive_it(world):
    send()
    recipients = {address for message in outbox.outbox for address in message.to}
    assert recipients == {world.manager_a.email}


def test_a_manager_who_turned_it_off_gets_nothing_and_one_who_turned_it_on_gets_it(world):
    DigestPreference.objects.create(user=world.manager_a, weekly_digest=False)
    send()
    assert to(world.manager_a) == []
    DigestPreference.objects.filter(user=world.manager_a).update(weekly_digest=True)
    send()
    assert len(to(world.manager_a)) == 1


def test_demo_clusters_and_demo_calls_send_nothing(world):
    demo_cluster = ClusterFactory(is_demo=True, ecosystems=[world.textiles])
    demo_manager = UserFactory()
    grant_role(demo_manager, "cluster_manager", clusters=[demo_cluster.slug])
    demo_call = make_funding_call("DEMO-FIT", is_demo=True, ecosystems=[world.textiles], closes_in_days=10)
    FundingInterest.objects.create(cluster=world.cluster_a, call=demo_call, bookmarked=True)

    output = send()

    assert to(demo_manager) == []
    assert "DEMO-FIT" not in to(world.manager_a)[0].body
    assert demo_manager.email not in output


def test_a_manager_of_a_demo_and_a_real_cluster_hears_only_about_the_real_one(world):
    demo_cluster = ClusterFactory(is_demo=True, name="Demokluster", ecosystems=[world.textiles])
    grant_role(world.manager_a, "cluster_manager", clusters=[demo_cluster.slug])
    send()
    [message] = to(world.manager_a)
    assert "Demokluster" not in message.body and world.cluster_a.name in message.body


def test_an_inactive_account_receives_nothing(world):
    world.manager_a.is_active = False
    world.manager_a.save()
    send()
    assert to(world.manager_a) == []


def test_more_new_calls_than_fit_in_a_message_are_counted_with_a_link(world):
    for n in range(18):
        make_funding_call(f"MANY-{n:02d}", closes_in_days=50, ecosystems=[world.textiles])
    send()
    text = english(to(world.manager_a)[0])
    new, _deadlines = sections(text)
    assert new.count("\n* ") == 15
    assert "…and 5 more new calls that fit:" in new
