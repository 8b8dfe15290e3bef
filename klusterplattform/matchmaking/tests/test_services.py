"""The partner-search services: each checks the permission for every role, refuses steps the state does not allow,
and writes nothing when it refuses."""

import pytest
from django.contrib.auth.models import AnonymousUser

from klusterplattform.matchmaking import services
from klusterplattform.matchmaking.models import PartnerInterest, PartnerSearch, PartnerSearchFollow

from .world import build_world, make_post

pytestmark = pytest.mark.django_db

NOT_MANAGERS_OF_A = ["manager_b", "regional_a", "officer", "outsider"]


@pytest.fixture
def world():
    return build_world()


def persona(world, name):
    return AnonymousUser() if name == "anonymous" else getattr(world, name)


def snapshot():
    return (
        list(PartnerSearch.objects.values().order_by("pk")),
        list(PartnerInterest.objects.values().order_by("pk")),
        list(PartnerSearchFollow.objects.values().order_by("pk")),
    )


def test_a_manager_saves_a_post_and_becomes_its_author(world):
    post = make_post(world.cluster_a, title="Fibre Sorting")
    assert post.author == world.manager_a
    assert post.search_text.startswith("fibre sorting pilot plants for fibre recycling")
    assert post.search_text.endswith(world.cluster_a.name.casefold())
    post.title = "Changed"
    services.save_post(world.manager_a, post)
    post.refresh_from_db()
    assert post.title == "Changed" and post.author == world.manager_a


@pytest.mark.parametrize("name", [*NOT_MANAGERS_OF_A, "anonymous"])
def test_only_the_clusters_managers_save_its_posts(world, name):
    new = PartnerSearch(cluster=world.cluster_a, title="x", offer="o", seek="s", purpose="project")
    with pytest.raises(PermissionError):
        services.save_post(persona(world, name), new)
    assert not PartnerSearch.objects.exists()
    post = make_post(world.cluster_a, title="Kept")
    before = snapshot()
    post.title = "Changed"
    with pytest.raises(PermissionError):
        services.save_post(persona(world, name), post)
    assert snapshot() == before


@pytest.mark.parametrize("name", [*NOT_MANAGERS_OF_A, "anonymous"])
def test_only_the_clusters_managers_close_its_posts(world, name):
    post = make_post(world.cluster_a)
    with pytest.raises(PermissionError):
        services.close_post(persona(world, name), post)
    post.refresh_from_db()
    assert post.closed_at is None and post.status == "open"


def test_closing_is_kept_once(world):
    post = make_post(world.cluster_a)
    services.close_post(world.manager_a, post)
    first = PartnerSearch.objects.get().closed_at
    services.close_post(world.manager_a, PartnerSearch.objects.get())
    assert PartnerSearch.objects.get().closed_at == first and PartnerSearch.objects.get().status == "closed"


def test_a_manager_expresses_interest_for_their_own_cluster_only(world):
    post = make_post(world.cluster_a)
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "  Hello  ")
    assert (interest.status, interest.message, interest.author) == ("pending", "Hello", world.manager_b)
    for name in ["manager_a", "manager_b", "regional_a", "officer", "outsider", "anonymous"]:
        before = snapshot()
        with pytest.raises(PermissionError):
            services.express_interest(persona(world, name), post, world.cluster_c, "Hello")
        assert snapshot() == before


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda w, p: services.close_post(w.manager_a, p), "Hello"),
        (lambda w, p: PartnerSearch.objects.filter(pk=p.pk).update(expires_on="2000-01-01"), "Hello"),
        (lambda w, p: None, "   "),
        (lambda w, p: services.express_interest(w.manager_b, p, w.cluster_b, "First"), "Again"),
    ],
    ids=["closed", "expired", "blank message", "twice"],
)
def test_interest_refused_by_the_state_writes_nothing(world, setup, message):
    post = make_post(world.cluster_a)
    setup(world, post)
    post = PartnerSearch.objects.get(pk=post.pk)
    before = snapshot()
    with pytest.raises(services.Refused):
        services.express_interest(world.manager_b, post, world.cluster_b, message)
    assert snapshot() == before


def test_a_cluster_cannot_express_interest_in_its_own_post(world):
    post = make_post(world.cluster_a)
    with pytest.raises(services.Refused):
        services.express_interest(world.manager_a, post, world.cluster_a, "Hello")
    assert not PartnerInterest.objects.exists()


def test_withdrawn_interest_can_be_expressed_again_and_starts_over(world):
    post = make_post(world.cluster_a)
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "First")
    services.withdraw(world.manager_b, interest)
    again = services.express_interest(world.manager_b, post, world.cluster_b, "Second")
    assert again.pk == interest.pk and again.status == "pending" and again.message == "Second"
    assert again.decided_at is None and again.decided_by is None


@pytest.mark.parametrize("accept", [True, False])
def test_the_posts_managers_accept_or_decline_once(world, accept):
    post = make_post(world.cluster_a)
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "Hello")
    decided = services.decide(world.manager_a, interest, accept)
    assert decided.status == ("accepted" if accept else "declined")
    assert decided.decided_by == world.manager_a and decided.decided_at is not None
    before = snapshot()
    with pytest.raises(services.Refused):
        services.decide(world.manager_a, interest, not accept)
    assert snapshot() == before


@pytest.mark.parametrize("name", ["manager_b", "manager_c", "regional_a", "officer", "outsider", "anonymous"])
def test_only_the_posts_managers_answer(world, name):
    post = make_post(world.cluster_a)
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "Hello")
    before = snapshot()
    with pytest.raises(PermissionError):
        services.decide(persona(world, name), interest, True)
    assert snapshot() == before


def test_withdrawn_interest_cannot_be_answered(world):
    post = make_post(world.cluster_a)
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "Hello")
    services.withdraw(world.manager_b, interest)
    with pytest.raises(services.Refused):
        services.decide(world.manager_a, interest, True)
    assert PartnerInterest.objects.get().status == "withdrawn"


@pytest.mark.parametrize("name", ["manager_a", "manager_c", "regional_a", "officer", "outsider", "anonymous"])
def test_only_the_interested_clusters_managers_withdraw(world, name):
    post = make_post(world.cluster_a)
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "Hello")
    before = snapshot()
    with pytest.raises(PermissionError):
        services.withdraw(persona(world, name), interest)
    assert snapshot() == before


@pytest.mark.parametrize("status", ["accepted", "pending"])
def test_pending_and_accepted_interest_can_be_withdrawn_but_not_declined_or_withdrawn_one(world, status):
    post = make_post(world.cluster_a)
    interest = services.express_interest(world.manager_b, post, world.cluster_b, "Hello")
    if status == "accepted":
        services.decide(world.manager_a, interest, True)
    assert services.withdraw(world.manager_b, interest).status == "withdrawn"
    before = snapshot()
    with pytest.raises(services.Refused):
        services.withdraw(world.manager_b, interest)
    assert snapshot() == before
    declined = services.express_interest(world.manager_c, post, world.cluster_c, "Hello")
    services.decide(world.manager_a, declined, False)
    before = snapshot()
    with pytest.raises(services.Refused):
        services.withdraw(world.manager_c, declined)
    assert snapshot() == before


@pytest.mark.parametrize("name", ["manager_a", "manager_b", "regional_a", "officer", "outsider"])
def test_anyone_signed_in_follows_once_and_unfollows(world, name):
    post = make_post(world.cluster_a)
    user = persona(world, name)
    assert services.follow(user, post) is True
    services.follow(user, post)
    assert PartnerSearchFollow.objects.filter(post=post, user=user).count() == 1
    assert services.follow(user, post, on=False) is False
    assert not PartnerSearchFollow.objects.exists()


def test_anonymous_cannot_follow(world):
    post = make_post(world.cluster_a)
    with pytest.raises(PermissionError):
        services.follow(AnonymousUser(), post)
    assert not PartnerSearchFollow.objects.exists()
