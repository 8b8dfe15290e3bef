"""The vocabulary of the permission matrix: personas, expected-status presets and calls (shared by
test_permission_matrix.py and the parts in tests/matrix_parts/)."""

from dataclasses import dataclass, field

PERSONAS = (
    "anonymous",
    "manager_a",
    "manager_b",
    "regional_in",
    "regional_out",
    "assessor",
    "reviewer",
    "officer",
    "admin",
)


def statuses(default: int, **overrides: int) -> dict[str, int]:
    unknown = set(overrides) - set(PERSONAS)
    assert not unknown, unknown
    return {persona: overrides.get(persona, default) for persona in PERSONAS}


PUBLIC = statuses(200)
SIGNED_IN = statuses(200, anonymous=302)
STAFF_PAGE = statuses(404, anonymous=302, officer=200, admin=200)
A_VISIBLE = statuses(404, manager_a=200, regional_in=200, officer=200, admin=200)
A_MEMBERS = statuses(404, manager_a=200, officer=200, admin=200)
# Changing a cluster: whoever sees it but may not change it is refused (403); the unpublished A does not exist for
# anyone outside its scope (404), while everyone signed in sees the published B.
A_EDIT = statuses(404, anonymous=302, manager_a=200, regional_in=403, officer=200, admin=200)
A_EDIT_API = {**A_EDIT, "anonymous": 401}
B_EDIT = statuses(403, anonymous=302, manager_b=200, officer=200, admin=200)
B_EDIT_API = {**B_EDIT, "anonymous": 401}
API_SIGNED_IN = statuses(200, anonymous=401)


@dataclass
class Call:
    method: str
    url: str  # formatted with the world's values: {a}, {b}, {token_id}, ...
    expect: dict
    data: dict | None = None
    json: bool = False


@dataclass
class Entry:
    calls: list[Call] = field(default_factory=list)


def page(*calls: Call) -> Entry:
    return Entry(list(calls))


GET = "GET"
POST = "POST"
