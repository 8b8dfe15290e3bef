"""Routes of matchmaking events (under /matchmaking/<activity>/): the overview, joining, meeting requests and their
answers, outcomes, the agenda (page, PDF, .ics) and the officers' schedule page."""

from django.urls import path

from . import views_event_meetings as meetings
from . import views_events as views
from . import views_list_exports as exports

urlpatterns: list = [
    path("matchmaking/<int:pk>/", views.event_overview, name="event"),
    path(
        "matchmaking/<int:pk>/deltagare/export.<str:file_format>",
        exports.event_participants_export,
        name="event_participants_export",
    ),
    path("matchmaking/<int:pk>/delta/", views.event_join, name="event_join"),
    path("matchmaking/<int:pk>/schema/", views.event_schedule, name="event_schedule"),
    path(
        "matchmaking/<int:pk>/schema/export.<str:file_format>",
        exports.event_meetings_export,
        name="event_meetings_export",
    ),
    path("matchmaking/<int:pk>/schema/kor/", views.event_schedule_run, name="event_schedule_run"),
    path("matchmaking/<int:pk>/motesforfragan/", meetings.meeting_request, name="event_meeting_request"),
    path("matchmaking/<int:pk>/moten/<int:meeting>/svar/", meetings.meeting_decide, name="event_meeting_decide"),
    path(
        "matchmaking/<int:pk>/moten/<int:meeting>/ta-tillbaka/",
        meetings.meeting_withdraw,
        name="event_meeting_withdraw",
    ),
    path("matchmaking/<int:pk>/moten/<int:meeting>/utfall/", meetings.meeting_outcome, name="event_meeting_outcome"),
    path("matchmaking/<int:pk>/agenda/", meetings.agenda_page, name="event_agenda"),
    path("matchmaking/<int:pk>/agenda.pdf", meetings.agenda_pdf, name="event_agenda_pdf"),
    path("matchmaking/<int:pk>/agenda.ics", meetings.agenda_ics, name="event_agenda_ics"),
]
