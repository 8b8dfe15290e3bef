"""Routes of programme news, contacts, participation statistics and the effect view (under /program/<slug>/).

The registry owns /program/ and /program/<slug>/; the needs analysis uses /program/<slug>/behovsanalys/ and
/program/<slug>/fokusomraden/.
"""

from django.urls import path

from . import views_news, views_participation, views_programme_exports
from .feeds import ProgrammeNewsAtom, ProgrammeNewsRss

urlpatterns: list = [
    path("program/<slug:slug>/aktuellt/", views_news.news_list, name="news"),
    path("program/<slug:slug>/aktuellt/ny/", views_news.news_create, name="news_create"),
    path("program/<slug:slug>/aktuellt/prenumeration/", views_news.news_subscription, name="news_subscription"),
    path("program/<slug:slug>/aktuellt/rss/", ProgrammeNewsRss(), name="news_rss"),
    path("program/<slug:slug>/aktuellt/atom/", ProgrammeNewsAtom(), name="news_atom"),
    path("program/<slug:slug>/aktuellt/<int:pk>/", views_news.news_item, name="news_item"),
    path("program/<slug:slug>/aktuellt/<int:pk>/redigera/", views_news.news_edit, name="news_edit"),
    path("program/<slug:slug>/aktuellt/<int:pk>/avpublicera/", views_news.news_unpublish, name="news_unpublish"),
    path("program/<slug:slug>/aktuellt/<int:pk>/ta-bort/", views_news.news_delete, name="news_delete"),
    path("program/<slug:slug>/kontakter/", views_news.contact_list, name="contacts"),
    path(
        "program/<slug:slug>/kontakter/export.<str:file_format>",
        views_programme_exports.contacts_export,
        name="contacts_export",
    ),
    path("program/<slug:slug>/kontakter/ny/", views_news.contact_create, name="contact_create"),
    path("program/<slug:slug>/kontakter/<int:pk>/redigera/", views_news.contact_edit, name="contact_edit"),
    path("program/<slug:slug>/kontakter/<int:pk>/ta-bort/", views_news.contact_delete, name="contact_delete"),
    path("program/<slug:slug>/deltagande/", views_participation.participation_view, name="participation"),
    path(
        "program/<slug:slug>/deltagande/export.<str:file_format>",
        views_participation.participation_export,
        name="participation_export",
    ),
    path("program/<slug:slug>/effekt/", views_participation.effect_view, name="effect"),
]
