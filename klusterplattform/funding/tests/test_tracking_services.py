"""The tracking services: bookmark, intention, note and partners — who may, and bad input that writes nothing."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from klusterplattform.funding import tracking
from klusterplattform.funding.models import FundingInterest, FundingPartner
from klusterplattform.funding.tests.funding_world import build_world, make_funding_call
from klusterplattform.registry.tests.factories import ClusterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def call():
    return make_funding_call("I3-2024-INV1", closes_in_days=40)


def test_owner_manager_bookmarks_and_the_toggle_undoes_it(world, call):
    assert tracking.toggle_bookmark(world.manager_a, world.cluster_a, call) is True
    interest = FundingInterest.objects.get(cluster=world.cluster_a, call=call)
    assert interest.bookmarked and interest.updated_by == world.manager_a
    assert tracking.toggle_bookmark(world.manager_a, world.cluster_a, call) is False
    # nothing left in the row: it is removed, so the overview lists no empty interest
    assert not FundingInterest.objects.exists()


def test_intention_and_note_are_kept_while_the_bookmark_goes(world, call):
    tracking.set_bookmark(world.manager_a, world.cluster_a, call, True)
    tracking.set_intention(world.manager_a, world.cluster_a, call, True)
    tracking.set_note(world.manager_a, world.cluster_a, call, "  Talk to Vinnova first.  ")
    tracking.set_bookmark(world.manager_a, world.cluster_a, call, False)
    interest = FundingInterest.objects.get()
    assert (interest.bookmarked, interest.intends_to_apply, interest.note) == (False, True, "Talk to Vinnova first.")


@pytest.mark.parametrize("persona", ["manager_b", "regional_a", "regional_b", "officer", "outsider", "anonymous"])
def test_only_the_clusters_own_managers_may_track(world, call, persona):
    user = AnonymousUser() if persona == "anonymous" else getattr(world, persona)
    for change in [
        lambda: tracking.toggle_bookmark(user, world.cluster_a, call),
        lambda: tracking.set_intention(user, world.cluster_a, call, True),
        lambda: tracking.set_note(user, world.cluster_a, call, "x"),
        lambda: tracking.replace_partners(user, world.cluster_a, call, [{"name": "P", "country": "DE"}]),
    ]:
        with pytest.raises(PermissionDenied):
            change()
    assert not FundingInterest.objects.exists()


def test_partners_are_replaced_and_a_platform_cluster_fills_name_and_country(world, call):
    finnish = ClusterFactory(name="Finnish Textile Cluster", country="FI")
    tracking.replace_partners(
        world.manager_a,
        world.cluster_a,
        call,
        [{"name": "Hohenstein", "country": "de"}, tracking.PartnerInput(partner_cluster=finnish.slug)],
    )
    rows = set(FundingPartner.objects.values_list("name", "country", "partner_cluster_id"))
    assert rows == {("Hohenstein", "DE", None), ("Finnish Textile Cluster", "FI", finnish.pk)}
    tracking.replace_partners(world.manager_a, world.cluster_a, call, [{"name": "Centexbel", "country": "BE"}])
    assert list(FundingPartner.objects.values_list("name", flat=True)) == ["Centexbel"]
    # partners alone keep the interest row
    assert FundingInterest.objects.get().bookmarked is False


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"name": "Somewhere Ltd", "country": "XX"}, "XX is not a country code we know"),
        ({"name": "Nobody", "country": ""}, "is not a country code we know"),
        ({"partner_cluster": "no-such-cluster"}, "there is no such cluster organisation"),
        ({"country": "DE"}, "give the partner's name or pick a cluster"),
    ],
)
def test_bad_partner_input_writes_nothing(world, call, bad, message):
    tracking.save_interest(
        world.manager_a,
        world.cluster_a,
        call,
        bookmarked=True,
        intends_to_apply=False,
        note="before",
        partners=[{"name": "Kept", "country": "SE"}],
    )
    with pytest.raises(ValidationError) as error, translation.override("en"):  # the messages below are English
        tracking.save_interest(
            world.manager_a,
            world.cluster_a,
            call,
            bookmarked=False,
            intends_to_apply=True,
            note="after",
            partners=[{"name": "Fine", "country": "NO"}, bad],
        )
    assert any(message in m for m in error.value.messages), error.value.messages
    interest = FundingInterest.objects.get()
    assert (interest.bookmarked, interest.intends_to_apply, interest.note) == (True, False, "before")
    assert list(FundingPartner.objects.values_list("name", flat=True)) == ["Kept"]


def test_a_partner_cluster_the_user_cannot_see_is_unknown_and_the_cluster_is_not_its_own_partner(world, call):
    hidden = ClusterFactory(is_published=False)
    for partner in [{"partner_cluster": hidden.slug}, {"partner_cluster": world.cluster_a.pk}]:
        with pytest.raises(ValidationError):
            tracking.replace_partners(world.manager_a, world.cluster_a, call, [partner])
    assert not FundingInterest.objects.exists() and not FundingPartner.objects.exists()


def test_a_note_longer_than_the_limit_is_refused(world, call):
    with pytest.raises(ValidationError):
        tracking.set_note(world.manager_a, world.cluster_a, call, "x" * (tracking.NOTE_MAX + 1))
    assert not FundingInterest.objects.exists()


def test_too_many_partners_are_refused(world, call):
    partners = [{"name": f"P{n}", "country": "DE"} for n in range(tracking.MAX_PARTNERS + 1)]
    with pytest.raises(ValidationError):
        tracking.replace_partners(world.manager_a, world.cluster_a, call, partners)
    assert not FundingPartner.objects.exists()
