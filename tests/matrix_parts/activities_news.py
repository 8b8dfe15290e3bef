"""Programme news, contacts, participation statistics and the effect view in the permission matrix.

The part builds its own programme ("news-programme", published) in which only cluster A takes part, so manager_a and
regional_in (region 25) reach its participants-only news and statistics, while manager_b and regional_out do not.
News and contacts are written by officers (news.publish); the effect view is for officers (needs.drill_down).
"""

import datetime

from tests.matrix_common import A_VISIBLE, GET, POST, PUBLIC, STAFF_PAGE, Call, page, statuses

PUBLISHERS = statuses(403, anonymous=302, officer=200, admin=200)
PARTICIPANTS = statuses(403, anonymous=302, manager_a=200, regional_in=200, officer=200, admin=200)
N = "/program/{news_programme}"

PAGES = {
    "program/<slug:slug>/aktuellt/": page(
        Call(GET, N + "/aktuellt/", PUBLIC),
        Call(GET, "/program/{hidden_programme}/aktuellt/", statuses(404, officer=200, admin=200)),
    ),
    "program/<slug:slug>/aktuellt/ny/": page(
        Call(GET, N + "/aktuellt/ny/", PUBLISHERS),
        # An empty form: officers get its errors, nothing is written for anyone.
        Call(POST, N + "/aktuellt/ny/", PUBLISHERS, {"title_sv": ""}),
    ),
    "program/<slug:slug>/aktuellt/prenumeration/": page(
        Call(
            POST,
            N + "/aktuellt/prenumeration/",
            {**PARTICIPANTS, **dict.fromkeys(("manager_a", "regional_in", "officer", "admin"), 302)},
            {"subscribe": "0"},
        ),
    ),
    "program/<slug:slug>/aktuellt/rss/": page(
        Call(GET, N + "/aktuellt/rss/", PUBLIC),
        Call(GET, "/program/{hidden_programme}/aktuellt/rss/", statuses(404)),
    ),
    "program/<slug:slug>/aktuellt/atom/": page(Call(GET, N + "/aktuellt/atom/", PUBLIC)),
    "program/<slug:slug>/aktuellt/<int:pk>/": page(
        Call(GET, N + "/aktuellt/{news_public}/", PUBLIC),
        Call(GET, N + "/aktuellt/{news_participants}/", A_VISIBLE),
        Call(GET, N + "/aktuellt/{news_draft}/", statuses(404, officer=200, admin=200)),
    ),
    "program/<slug:slug>/aktuellt/<int:pk>/redigera/": page(
        Call(GET, N + "/aktuellt/{news_public}/redigera/", PUBLISHERS),
        Call(GET, N + "/aktuellt/{news_draft}/redigera/", STAFF_PAGE),
    ),
    "program/<slug:slug>/aktuellt/<int:pk>/avpublicera/": page(
        Call(POST, N + "/aktuellt/{news_public}/avpublicera/", statuses(403, anonymous=302, officer=302, admin=302)),
    ),
    "program/<slug:slug>/aktuellt/<int:pk>/ta-bort/": page(
        Call(GET, N + "/aktuellt/{news_public}/ta-bort/", PUBLISHERS),
        Call(
            POST,
            N + "/aktuellt/{news_participants}/ta-bort/",
            statuses(404, anonymous=302, manager_a=403, regional_in=403, officer=302, admin=302),
        ),
    ),
    "program/<slug:slug>/kontakter/": page(Call(GET, N + "/kontakter/", PUBLIC)),
    "program/<slug:slug>/kontakter/ny/": page(
        Call(GET, N + "/kontakter/ny/", PUBLISHERS),
        Call(POST, N + "/kontakter/ny/", PUBLISHERS, {"name": ""}),
    ),
    "program/<slug:slug>/kontakter/<int:pk>/redigera/": page(
        Call(GET, N + "/kontakter/{news_contact}/redigera/", PUBLISHERS)
    ),
    "program/<slug:slug>/kontakter/<int:pk>/ta-bort/": page(
        Call(GET, N + "/kontakter/{news_contact}/ta-bort/", PUBLISHERS),
        Call(POST, N + "/kontakter/{news_contact}/ta-bort/", statuses(403, anonymous=302, officer=302, admin=302)),
    ),
    "program/<slug:slug>/deltagande/": page(
        Call(GET, N + "/deltagande/", PARTICIPANTS),
        Call(GET, "/program/{hidden_programme}/deltagande/", statuses(404, anonymous=302, officer=200, admin=200)),
    ),
    "program/<slug:slug>/deltagande/export.<str:file_format>": page(
        Call(GET, N + "/deltagande/export.csv", PARTICIPANTS),
        Call(GET, N + "/deltagande/export.xlsx?table=activities", PARTICIPANTS),
    ),
    "program/<slug:slug>/effekt/": page(Call(GET, N + "/effekt/", PUBLISHERS)),
}


def values(objects: dict) -> dict:
    from django.utils import timezone

    from klusterplattform.activities.models import NewsItem, ProgrammeContact
    from klusterplattform.registry.models import ProgrammeParticipation
    from klusterplattform.registry.tests.factories import ProgrammeFactory

    programme = ProgrammeFactory(slug="news-programme")
    ProgrammeParticipation.objects.get_or_create(programme=programme, cluster=objects["cluster_a"])
    now = timezone.now()

    def item(title, audience="public", published_at=now - datetime.timedelta(days=1)):
        return NewsItem.objects.create(
            programme=programme,
            title_sv=title,
            title_en=title,
            body_sv="Text",
            body_en="Text",
            audience=audience,
            published_at=published_at,
        ).pk

    contact = ProgrammeContact.objects.create(programme=programme, name="Matrix Contact", email="c@example.org")
    return {
        "news_programme": programme.slug,
        "news_public": item("Public"),
        "news_participants": item("Participants", audience="participants"),
        "news_draft": item("Draft", published_at=None),
        "news_contact": contact.pk,
    }
