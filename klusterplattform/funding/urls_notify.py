"""Routes of the deadline calendars and the weekly digest (included by urls.py under the "funding" namespace).

The feed addresses are stable and documented (docs/funding.md): calendar programs keep them for years. The call's
.ics ends in a fixed word, so it is matched before the bare call page (identifiers may contain slashes).
"""

from django.urls import path

from . import views_notify

urlpatterns: list = [
    path("finansiering/kalender.ics", views_notify.feed_all, name="feed_all"),
    path("finansiering/kalender/", views_notify.feeds, name="feeds"),
    path("finansiering/kalender/kluster/<str:token>.ics", views_notify.feed_cluster, name="feed_cluster"),
    path("finansiering/kalender/kluster/<slug:slug>/ny-lank/", views_notify.feed_replace, name="feed_replace"),
    path("finansiering/kalender/utlysning/<path:identifier>.ics", views_notify.call_ics, name="call_ics"),
    path("finansiering/bevakning/", views_notify.digest_preference, name="digest"),
]
