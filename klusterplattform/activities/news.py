"""Programme news ("Aktuellt") and contacts: who may read, write and subscribe, and the queries the pages share.

Reading goes through `permissions.news_visibility_filter` (participants-only items within news.view's scope, never
drafts or scheduled items); officers with news.publish also see drafts and scheduled items of a programme they see.
"""

from django.db.models import F
from django.shortcuts import get_object_or_404
from django.utils import timezone

from klusterplattform.core.permissions import check
from klusterplattform.registry.models import Programme

from .choices import NewsAudience
from .models import NewsItem, NewsSubscription, ProgrammeContact
from .permissions import news_visibility_filter


def programme_for(user, slug) -> Programme:
    """The programme if the user may see it (404 otherwise)."""
    return get_object_or_404(Programme.objects.visible_to(user), slug=slug)


def may_publish(user) -> bool:
    return bool(check(user, "news.publish"))


def news_for(user, programme):
    """The programme's news the user may read; publishers also get drafts and scheduled items."""
    items = NewsItem.objects.filter(programme=programme)
    if not may_publish(user):
        items = items.filter(news_visibility_filter(user))
    # Drafts (no date) first for publishers, then newest first (NULLS FIRST on every database).
    return items.order_by(F("published_at").desc(nulls_first=True), "-pk").select_related("programme")


def participants_probe(programme) -> NewsItem:
    """An unsaved participants-only item of the programme: its permission facts are the programme's reach (its
    participating clusters and their regions, not published), so `check(user, action, probe)` asks "does the user
    reach this programme's participants?" for any action of the module."""
    return NewsItem(programme=programme, audience=NewsAudience.PARTICIPANTS, published_at=None)


def may_read_participants_news(user, programme) -> bool:
    """Whether the user reaches the programme's participants-only news."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(check(user, "news.view", participants_probe(programme)))


def is_subscribed(user, programme) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and NewsSubscription.objects.filter(user=user, programme=programme).exists()
    )


def set_subscription(user, programme, subscribe: bool) -> None:
    if subscribe:
        NewsSubscription.objects.get_or_create(user=user, programme=programme)
    else:
        for subscription in NewsSubscription.objects.filter(user=user, programme=programme):
            subscription.delete()  # one by one, so the audit trail records it


def public_feed_items(programme, limit: int = 30):
    """Public, published news of a published programme: what the RSS and Atom feeds carry."""
    return NewsItem.objects.filter(
        programme=programme,
        programme__is_published=True,
        audience=NewsAudience.PUBLIC,
        published_at__isnull=False,
        published_at__lte=timezone.now(),
    ).order_by("-published_at", "-pk")[:limit]


def news_state(item, now=None) -> str:
    """ "draft", "scheduled" or "published"."""
    if item.published_at is None:
        return "draft"
    return "scheduled" if item.published_at > (now or timezone.now()) else "published"


def contacts_of(programme, today=None) -> list[ProgrammeContact]:
    """The programme's contacts in order, each with `away` (bool) and its stand-in loaded."""
    today = today or timezone.localdate()
    contacts = list(ProgrammeContact.objects.filter(programme=programme).select_related("stand_in"))
    for contact in contacts:
        contact.away = contact.is_away(today)
    return contacts
