"""The digest page: a signed-in user turns the weekly digest on or off for themselves; it is on by default."""

import pytest
from django.urls import reverse
from django.utils import translation

from klusterplattform.accounts.models import AuditEvent
from klusterplattform.funding.models import DigestPreference
from klusterplattform.funding.tests.funding_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def url():
    with translation.override("en"):
        return reverse("funding:digest")


def test_a_manager_sees_the_digest_on_by_default_with_their_clusters(client, world):
    client.force_login(world.manager_a)
    response = client.get(url())
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="weekly_digest"' in body and "checked" in body
    assert world.cluster_a.name in body and world.cluster_b.name not in body
    assert "You currently receive the digest." in body
    assert '<label for="id_weekly_digest"' in body


def test_turning_it_off_and_on_again_is_saved_and_recorded(client, world):
    client.force_login(world.manager_a)

    response = client.post(url(), {})
    assert response.status_code == 302 and response["Location"] == url()
    assert DigestPreference.objects.get(user=world.manager_a).weekly_digest is False
    assert "You currently do not receive the digest." in client.get(url()).content.decode()
    assert "checked" not in client.get(url()).content.decode().split('name="weekly_digest"')[1].split(">")[0]

    client.post(url(), {"weekly_digest": "on"})
    assert DigestPreference.objects.get(user=world.manager_a).weekly_digest is True
    assert DigestPreference.objects.count() == 1
    assert AuditEvent.objects.filter(content_type__model="digestpreference").count() == 2


def test_someone_who_manages_no_cluster_is_told_nothing_will_be_sent(client, world):
    client.force_login(world.outsider)
    body = client.get(url()).content.decode()
    assert "You do not manage a cluster organisation" in body
    assert "You currently do not receive the digest." in body


def test_a_choice_changes_only_ones_own_preference(client, world):
    client.force_login(world.manager_b)
    client.post(url(), {"user": world.manager_a.pk})
    assert list(DigestPreference.objects.values_list("user_id", "weekly_digest")) == [(world.manager_b.pk, False)]


def test_anonymous_is_sent_to_sign_in_and_nothing_is_saved(client):
    assert client.get(url()).status_code == 302
    response = client.post(url(), {"weekly_digest": "on"})
    assert response.status_code == 302 and "logga-in" in response["Location"]
    assert not DigestPreference.objects.exists()
