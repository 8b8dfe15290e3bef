"""Routes of the calendar feeds and the feedback survey (included by urls.py under the "activities" namespace).

The feed addresses are stable and documented (docs): calendar programs keep them for years.
"""

from django.urls import path

from . import views_calendar, views_feedback

urlpatterns: list = [
    path("aktiviteter/kalender/", views_calendar.feeds_page, name="calendar_feeds"),
    path("aktiviteter/kalender/<int:pk>/ny-lank/", views_calendar.replace_feed, name="calendar_feed_replace"),
    path("aktiviteter/kalender/kluster/<str:token>.ics", views_calendar.cluster_feed, name="cluster_feed"),
    path("aktiviteter/kalender/<slug:slug>.ics", views_calendar.programme_feed, name="programme_feed"),
    path("aktiviteter/<int:pk>/kalender.ics", views_calendar.activity_ics, name="activity_ics"),
    path("aktiviteter/deltagare/<str:token>/kalender.ics", views_calendar.registration_ics, name="registration_ics"),
    path("aktiviteter/aterkoppling/<str:token>/", views_feedback.feedback_answer, name="feedback"),
    path(
        "aktiviteter/<int:pk>/aterkoppling/export.<str:file_format>",
        views_feedback.feedback_export,
        name="feedback_export",
    ),
]
