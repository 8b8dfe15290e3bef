"""The activities module's sections of the programme page (registered in apps.py with
registry.programme_sections.register): the latest news, the next activities, the contacts, and links to the needs
analysis, participation statistics and the effect view for those who may use them.

A fixed number of queries whatever the number of news items, activities or contacts.
"""

from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone

from klusterplattform.core.permissions import check

from .models import Activity
from .news import contacts_of, may_publish, news_for, participants_probe

LATEST = 3


def activities_url(programme):
    return reverse("activities:activities") + f"?programme={quote(programme.slug)}"


def programme_sections(request, programme):
    user = request.user
    now = timezone.now()
    news = list(news_for(user, programme).filter(published_at__isnull=False, published_at__lte=now)[:LATEST])
    upcoming = list(
        Activity.objects.visible_to(user)
        .filter(programme=programme, ends_at__gte=now)
        .order_by("starts_at", "pk")[:LATEST]
    )
    for activity in upcoming:
        activity.url = reverse("activities:activity", args=[activity.pk])
    links = []
    if getattr(user, "is_authenticated", False):
        probe = participants_probe(programme)
        if check(user, "needs.view", probe):
            links.append(("needs", reverse("activities:needs", args=[programme.slug])))
        if check(user, "participation.view", probe):
            links.append(("participation", reverse("activities:participation", args=[programme.slug])))
        if check(user, "needs.drill_down"):
            links.append(("effect", reverse("activities:effect", args=[programme.slug])))
    context = {
        "programme": programme,
        "news": news,
        "upcoming": upcoming,
        "activities_url": activities_url(programme),
        "contacts": contacts_of(programme),
        "may_publish": may_publish(user),
        "links": [(kind, url) for kind, url in links if url],
    }
    return [("activities/programme_sections.html", context)]
