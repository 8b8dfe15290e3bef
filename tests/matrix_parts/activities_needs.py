"""Permission matrix rows of the needs analysis: the analysis page and its exports, the stated-needs survey, the
focus-area configuration and the API operation.

The part uses its own published programme in which only cluster A takes part (so other parts adding participants
to the shared programme cannot change these rows). needs.view reaches A's managers, the regional officer of A's
region, officers and administrators; everyone else signed in sees the programme but not its analysis (403). The
survey of cluster A is for A's managers only: who sees the unpublished A but may not state its needs gets 403,
everyone else 404. Focus areas are configured by officers and administrators.
"""

import datetime

from tests.matrix_common import GET, POST, Call, page, statuses

NEEDS = statuses(403, anonymous=302, manager_a=200, regional_in=200, officer=200, admin=200)
NEEDS_API = {**NEEDS, "anonymous": 401}
SURVEY = statuses(404, anonymous=302, manager_a=200, regional_in=403, officer=403, admin=403)
FOCUS = statuses(403, anonymous=302, officer=200, admin=200)
FOCUS_POST = statuses(403, anonymous=302, officer=302, admin=302)

BASE = "/program/{needs_programme}"

PAGES = {
    "program/<slug:slug>/behovsanalys/": page(Call(GET, f"{BASE}/behovsanalys/", NEEDS)),
    "program/<slug:slug>/behovsanalys/export.xlsx": page(Call(GET, f"{BASE}/behovsanalys/export.xlsx", NEEDS)),
    "program/<slug:slug>/behovsanalys/export.pdf": page(Call(GET, f"{BASE}/behovsanalys/export.pdf", NEEDS)),
    "program/<slug:slug>/behovsanalys/<slug:round_slug>/mina-behov/<slug:cluster_slug>/": page(
        Call(GET, f"{BASE}/behovsanalys/{{needs_round}}/mina-behov/{{a}}/", SURVEY),
        # A free text over 4,000 characters: A's manager reaches the form's error, nothing is written for anyone.
        Call(POST, f"{BASE}/behovsanalys/{{needs_round}}/mina-behov/{{a}}/", SURVEY, {"free_text": "x" * 4001}),
    ),
    "program/<slug:slug>/fokusomraden/": page(Call(GET, f"{BASE}/fokusomraden/", FOCUS)),
    "program/<slug:slug>/fokusomraden/anvand-standard/": page(
        # POST only: a GET is refused before anything else (signed in: 405).
        Call(GET, f"{BASE}/fokusomraden/anvand-standard/", statuses(405, anonymous=302)),
        Call(POST, f"{BASE}/fokusomraden/anvand-standard/", FOCUS_POST),
    ),
    "program/<slug:slug>/fokusomraden/nytt/": page(Call(GET, f"{BASE}/fokusomraden/nytt/", FOCUS)),
    "program/<slug:slug>/fokusomraden/<int:pk>/": page(Call(GET, f"{BASE}/fokusomraden/{{needs_focus}}/", FOCUS)),
    "program/<slug:slug>/fokusomraden/<int:pk>/ta-bort/": page(
        Call(GET, f"{BASE}/fokusomraden/{{needs_focus}}/ta-bort/", FOCUS),
        Call(POST, f"{BASE}/fokusomraden/{{needs_focus}}/ta-bort/", FOCUS_POST),
    ),
}

API = {
    ("GET", "/api/v1/programmes/{slug}/needs"): page(
        Call(GET, "/api/v1/programmes/{needs_programme}/needs", NEEDS_API)
    ),
}


def values(objects) -> dict:
    from klusterplattform.activities.models import FocusArea
    from klusterplattform.excellence.tests.factories import CatalogueFactory, RoundFactory
    from klusterplattform.registry.models import ProgrammeParticipation
    from klusterplattform.registry.tests.factories import ProgrammeFactory

    programme = ProgrammeFactory(slug="needs-programme", is_published=True)
    ProgrammeParticipation.objects.get_or_create(programme=programme, cluster=objects["cluster_a"])
    round = RoundFactory(
        programme=programme,
        catalogue=CatalogueFactory(code="matrix-needs"),
        slug="matrix-needs-round",
        closes_on=datetime.date(2999, 12, 31),
    )
    focus = FocusArea.objects.create(programme=programme, code="matrix", name_sv="Matris", name_en="Matrix")
    return {"needs_programme": programme.slug, "needs_round": round.slug, "needs_focus": focus.pk}
