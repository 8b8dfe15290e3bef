"""The admin shows a call with its deadlines; the derived dates and the search index are read-only there."""

import pytest

from klusterplattform.funding.tests.funding_world import make_funding_call
from klusterplattform.registry.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_calls_and_shows_deadlines_with_the_search_index_read_only(client):
    call = make_funding_call("EuropeAid/186246/DD/ACT/NG", title="Admin visible")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    listing = client.get("/en/admin/funding/fundingcall/?q=EuropeAid")
    assert listing.status_code == 200 and "Admin visible" in listing.content.decode()
    change = client.get(f"/en/admin/funding/fundingcall/{call.pk}/change/")
    text = change.content.decode()
    assert change.status_code == 200
    assert 'name="deadlines-0-at_0"' in text  # the deadline inline
    assert 'name="search_text"' not in text and 'name="closes_at"' not in text
    assert "admin visible" in text  # the folded search text, shown read-only
    assert client.get("/en/admin/funding/thematictag/").status_code == 200
