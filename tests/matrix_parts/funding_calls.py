"""The funding-call register in the permission matrix: the list, its export, a call's page, entering, changing and
deleting calls, and the two API operations.

The register is public: published calls are seen by everyone, manager A's unpublished draft (its identifier has
slashes, as EuropeAid's do) by its author and officers only (404 for everyone else). Adding is for cluster managers
and officers; changing and deleting a call for its author and officers (those who see it but may not: 403). An
imported call has no author: only officers change it.
"""

from tests.matrix_common import GET, POST, PUBLIC, Call, page, statuses

DRAFT_VISIBLE = statuses(404, manager_a=200, officer=200, admin=200)
ADD = statuses(403, anonymous=302, manager_a=200, manager_b=200, officer=200, admin=200)
EDIT_OWN = statuses(403, anonymous=302, manager_a=200, officer=200, admin=200)
EDIT_DRAFT = statuses(404, anonymous=302, manager_a=200, officer=200, admin=200)
EDIT_IMPORTED = statuses(403, anonymous=302, officer=200, admin=200)
DELETE_OWN = statuses(403, anonymous=302, manager_a=302, officer=302, admin=302)
DELETE_DRAFT = statuses(404, anonymous=302, manager_a=302, officer=302, admin=302)

PAGES = {
    "finansiering/": page(
        Call(GET, "/finansiering/", PUBLIC),
        Call(GET, "/finansiering/?q=textil&status=all&ecosystem=nope&budget_from=x&sort=title", PUBLIC),
    ),
    "finansiering/export.<str:file_format>": page(
        Call(GET, "/finansiering/export.csv?status=all", PUBLIC),
        Call(GET, "/finansiering/export.xlsx", PUBLIC),
        Call(GET, "/finansiering/export.pdf", statuses(404)),
    ),
    "finansiering/ny/": page(
        Call(GET, "/finansiering/ny/", ADD),
        Call(POST, "/finansiering/ny/", ADD, {"call-identifier": "bad id"}),
    ),
    "finansiering/utlysning/<path:identifier>/": page(
        Call(GET, "/finansiering/utlysning/{reg_own}/", PUBLIC),
        Call(GET, "/finansiering/utlysning/{reg_draft}/", DRAFT_VISIBLE),
        Call(GET, "/finansiering/utlysning/NO-SUCH-CALL/", statuses(404)),
    ),
    "finansiering/utlysning/<path:identifier>/andra/": page(
        Call(GET, "/finansiering/utlysning/{reg_own}/andra/", EDIT_OWN),
        Call(GET, "/finansiering/utlysning/{reg_draft}/andra/", EDIT_DRAFT),
        Call(GET, "/finansiering/utlysning/{reg_imported}/andra/", EDIT_IMPORTED),
        Call(POST, "/finansiering/utlysning/{reg_own}/andra/", EDIT_OWN, {"call-title": ""}),
    ),
    "finansiering/utlysning/<path:identifier>/ta-bort/": page(
        Call(GET, "/finansiering/utlysning/{reg_own}/ta-bort/", EDIT_OWN),
        Call(POST, "/finansiering/utlysning/{reg_own}/ta-bort/", DELETE_OWN),
        Call(POST, "/finansiering/utlysning/{reg_draft}/ta-bort/", DELETE_DRAFT),
    ),
}

API = {
    ("GET", "/api/v1/funding-calls"): page(
        Call(GET, "/api/v1/funding-calls", PUBLIC),
        Call(GET, "/api/v1/funding-calls?status=all&q=textil&sort=-closing&page=2", PUBLIC),
        Call(GET, "/api/v1/funding-calls?ecosystem=nope", PUBLIC),
        Call(GET, "/api/v1/funding-calls?status=sometimes", statuses(422)),
    ),
    ("GET", "/api/v1/funding-calls/{identifier}"): page(
        Call(GET, "/api/v1/funding-calls/{reg_own}", PUBLIC),
        Call(GET, "/api/v1/funding-calls/{reg_draft}", DRAFT_VISIBLE),
        Call(GET, "/api/v1/funding-calls/NO-SUCH-CALL", statuses(404)),
    ),
}


def values(objects: dict) -> dict:
    from klusterplattform.funding.tests.funding_world import make_funding_call

    manager_a = objects["users"]["manager_a"]
    own = make_funding_call("MATRIX-REG-OWN", created_by=manager_a)
    draft = make_funding_call("MATRIX/REG/DRAFT", created_by=manager_a, is_published=False)
    imported = make_funding_call("MATRIX-REG-EU", source="eu-ft")
    return {"reg_own": own.identifier, "reg_draft": draft.identifier, "reg_imported": imported.identifier}
