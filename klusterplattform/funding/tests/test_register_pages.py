"""A call's page and entering, changing and deleting calls by hand: what each role may do, identifiers with
slashes, and the note on imported calls."""

import pytest

from klusterplattform.funding.models import FundingCall, FundingInterest
from klusterplattform.funding.tests.funding_world import build_world, make_funding_call
from klusterplattform.registry.tests.factories import EcosystemFactory

pytestmark = pytest.mark.django_db

EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
SLASHED = "EuropeAid/186246/DD/ACT/NG"


def page(identifier: str, action: str = "") -> str:
    return f"/en/finansiering/utlysning/{identifier}/{action + '/' if action else ''}"


def valid_post(identifier="VINNOVA-2030-01", **changes) -> dict:
    data = {
        "call-identifier": identifier,
        "call-title": "Kluster för cirkulär textil",
        "call-language": "sv",
        "call-programme": "Vinnova Utmaningsdriven innovation",
        "call-funder": "Vinnova",
        "call-time_zone": "Europe/Stockholm",
        "call-opening_date": "2030-01-10",
        "call-deadline_model": "single-stage",
        "call-currency": "SEK",
        "call-budget_min": "100000",
        "call-budget_max": "2000000",
        "call-funding_rate_max": "50",
        "call-eligible_countries": "se, no",
        "call-cluster_organisations_eligible": "true",
        "call-description_html": "<p>Stöd till <strong>kluster</strong>.</p><script>alert(1)</script>",
        "call-is_published": "on",
        "deadlines-TOTAL_FORMS": "3",
        "deadlines-INITIAL_FORMS": "0",
        "deadlines-MIN_NUM_FORMS": "0",
        "deadlines-MAX_NUM_FORMS": "12",
        "deadlines-0-at": "2030-03-15T14:00",
        "deadlines-0-time_zone": "Europe/Stockholm",
        "deadlines-1-time_zone": "Europe/Brussels",
        "deadlines-2-time_zone": "Europe/Brussels",
    }
    data.update(changes)
    return data


def test_call_page_shows_every_group_and_deadlines_in_their_own_zones(client):
    textiles = EcosystemFactory(code="textiles", name_en="Textiles")
    import datetime
    import zoneinfo

    first = datetime.datetime(2030, 3, 1, 17, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Brussels"))
    second = datetime.datetime(2030, 9, 1, 12, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York"))
    make_funding_call(
        "I3-2030-INV1",
        title="Interregional investments",
        deadline_model="two-stage",
        deadlines=[
            {"at": first, "time_zone": "Europe/Brussels", "stage": 1},
            {"at": second, "time_zone": "America/New_York", "stage": 2},
        ],
        ecosystems=[textiles],
        budget_max=5_000_000,
        eligible_countries=["SE", "FI"],
        min_partners=3,
        min_countries=3,
        is_cascade_funding=True,
        source="eu-ft",
        source_url="https://example.org/topic/i3",
        description_html="<p>About <em>investments</em>.</p>",
        conditions_html="<ul><li>Three partners.</li></ul>",
    )
    response = client.get(page("I3-2030-INV1"), **EN)
    text = response.content.decode()
    assert response.status_code == 200
    assert "1 March 2030 17:00" in text and "Europe/Brussels" in text
    assert "1 September 2030 12:00" in text and "America/New_York" in text
    assert "Stage 1" in text and "Stage 2" in text
    assert "Textiles" in text and "Sweden, Finland" in text
    assert "<p>About <em>investments</em>.</p>" in text
    assert "<ul><li>Three partners.</li></ul>" in text
    assert "https://example.org/topic/i3" in text
    assert "financial support to third parties" in text
    assert response.context["section"] == "funding_call"


def test_identifier_with_slashes_has_pages_that_work(client):
    world = build_world()
    make_funding_call(SLASHED, title="EuropeAid call")
    assert client.get(page(SLASHED), **EN).status_code == 200
    assert (
        FundingCall.objects.get(identifier=SLASHED).get_absolute_url().endswith(f"/finansiering/utlysning/{SLASHED}/")
    )
    client.force_login(world.officer)
    assert client.get(page(SLASHED, "andra"), **EN).status_code == 200
    assert client.get(page(SLASHED, "ta-bort"), **EN).status_code == 200
    assert client.post(page(SLASHED, "ta-bort"), **EN).status_code == 302
    assert not FundingCall.objects.filter(identifier=SLASHED).exists()


def test_unknown_and_unpublished_calls_are_404_for_those_who_may_not_see_them(client):
    world = build_world()
    make_funding_call("DRAFT", is_published=False, created_by=world.manager_a)
    assert client.get(page("NOPE"), **EN).status_code == 404
    for user, status in [(None, 404), (world.manager_b, 404), (world.regional_a, 404), (world.outsider, 404),
                         (world.manager_a, 200), (world.officer, 200)]:  # fmt: skip
        client.logout()
        if user:
            client.force_login(user)
        assert client.get(page("DRAFT"), **EN).status_code == status, user


def test_manager_adds_a_call_which_is_saved_with_deadline_search_and_sanitised_text(client):
    world = build_world()
    client.force_login(world.manager_a)
    response = client.post("/en/finansiering/ny/", valid_post(), **EN)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    call = FundingCall.objects.get(identifier="VINNOVA-2030-01")
    assert response["Location"] == call.get_absolute_url()
    assert call.source == "manual" and call.created_by == world.manager_a
    assert call.eligible_countries == ["NO", "SE"]
    assert "<script>" not in call.description_html and "<strong>kluster</strong>" in call.description_html
    deadline = call.deadlines.get()
    assert (deadline.local_time().hour, deadline.time_zone, deadline.stage) == (14, "Europe/Stockholm", 1)
    assert call.closes_at == deadline.at
    assert call.opens_at is not None
    assert FundingCall.objects.filter(pk=call.pk, search_text__contains="textil").exists()
    from klusterplattform.funding import search

    assert FundingCall.objects.filter(search.matching("circular textiles")).get() == call


def test_two_stage_and_cut_off_deadlines_are_saved_with_stage_numbers(client):
    world = build_world()
    client.force_login(world.officer)
    data = valid_post(
        **{
            "call-deadline_model": "multiple-cut-off",
            "deadlines-1-at": "2030-06-15T17:00",
            "deadlines-1-time_zone": "Europe/Brussels",
            "deadlines-2-at": "2030-09-15T12:00",
            "deadlines-2-time_zone": "America/New_York",
            "deadlines-2-label": "last cut-off",
        }
    )
    assert client.post("/en/finansiering/ny/", data, **EN).status_code == 302
    call = FundingCall.objects.get(identifier="VINNOVA-2030-01")
    rows = [(d.stage, d.time_zone, d.local_time().hour, d.label) for d in call.deadlines.order_by("at")]
    assert rows == [
        (1, "Europe/Stockholm", 14, ""),
        (2, "Europe/Brussels", 17, ""),
        (3, "America/New_York", 12, "last cut-off"),
    ]


REFUSED = [
    ({"call-identifier": "has space"}, "identifier", "letters, digits and - _ . /"),
    ({"call-identifier": "A//B"}, "identifier", "no double slashes"),
    ({"call-identifier": "X/andra"}, "identifier", "cannot end in /andra"),
    ({"call-identifier": "existing-1"}, "identifier", "already exists"),
    ({"call-budget_min": "5000000"}, "budget_max", "lowest budget per project is higher than the highest"),
    ({"call-funding_rate_max": "150"}, "funding_rate_max", "0 to 100"),
    ({"call-funding_rate_min": "80"}, "funding_rate_max", "lowest funding rate is higher"),
    ({"call-duration_min_months": "36", "call-duration_max_months": "24"}, "duration_max_months", "shortest"),
    ({"call-eligible_countries": "SE, XX, Sweden"}, "eligible_countries", "XX, SWEDEN"),
    ({"call-time_zone": "Mars/Olympus"}, "time_zone", "Select a valid choice"),
    ({"call-currency": "EU"}, "currency", "three letters"),
    ({"deadlines-0-at": "2030-03-31T02:30", "deadlines-0-time_zone": "Europe/Stockholm"}, "at", "does not exist"),
]


@pytest.mark.parametrize(("changes", "field", "message"), REFUSED)
def test_invalid_call_is_refused_with_a_clear_message_and_nothing_is_saved(client, changes, field, message):
    world = build_world()
    make_funding_call("EXISTING-1")
    client.force_login(world.officer)
    response = client.post("/en/finansiering/ny/", valid_post(**changes), **EN)
    assert response.status_code == 200
    assert message in response.content.decode()
    editor_errors = {**response.context["form"].errors, **{k: v for f in response.context["formset"] for k, v in
                                                           f.errors.items()}}  # fmt: skip
    assert field in editor_errors
    assert FundingCall.objects.count() == 1


DEADLINE_RULES = [
    ({"deadlines-0-at": ""}, "single-stage", "exactly one deadline; 0 are entered"),
    ({"deadlines-1-at": "2030-04-01T17:00"}, "single-stage", "exactly one deadline; 2 are entered"),
    ({}, "two-stage", "two deadlines, stage 1 and stage 2; 1 are entered"),
    ({"deadlines-1-at": "2030-03-01T17:00"}, "two-stage", "stage 2 deadline must be after the stage 1"),
    ({}, "multiple-cut-off", "at least two cut-offs"),
    ({"deadlines-1-at": "2030-06-01T17:00", "deadlines-2-at": "2030-05-01T17:00"}, "multiple-cut-off",
     "increasing order"),
]  # fmt: skip


@pytest.mark.parametrize(("changes", "model", "message"), DEADLINE_RULES)
def test_deadlines_must_fit_the_deadline_model(client, changes, model, message):
    world = build_world()
    client.force_login(world.manager_a)
    response = client.post("/en/finansiering/ny/", valid_post(**{"call-deadline_model": model, **changes}), **EN)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not FundingCall.objects.exists()


def test_stage_2_is_compared_in_utc_across_zones(client):
    world = build_world()
    client.force_login(world.officer)
    # In mid-March 2030 New York is on summer time and Brussels not yet: 18:00 in Brussels is 13:00 in New York.
    data = valid_post(**{"call-deadline_model": "two-stage", "deadlines-0-at": "2030-03-15T18:00",
                         "deadlines-0-time_zone": "Europe/Brussels", "deadlines-1-at": "2030-03-15T12:30",
                         "deadlines-1-time_zone": "America/New_York"})  # fmt: skip
    response = client.post("/en/finansiering/ny/", data, **EN)
    assert "stage 2 deadline must be after the stage 1" in response.content.decode()
    data["deadlines-1-at"] = "2030-03-15T13:30"
    assert client.post("/en/finansiering/ny/", data, **EN).status_code == 302


def test_who_may_add_a_call(client):
    world = build_world()
    assert client.get("/en/finansiering/ny/", **EN).status_code == 302  # anonymous: to sign in
    for user, status in [(world.outsider, 403), (world.regional_a, 403), (world.manager_a, 200),
                         (world.officer, 200)]:  # fmt: skip
        client.force_login(user)
        assert client.get("/en/finansiering/ny/", **EN).status_code == status, user
    client.force_login(world.outsider)
    assert client.post("/en/finansiering/ny/", valid_post(), **EN).status_code == 403
    assert not FundingCall.objects.exists()


def test_manager_edits_own_manual_call_but_not_another_managers(client):
    world = build_world()
    make_funding_call("MINE", created_by=world.manager_a, title="Old title")
    make_funding_call("THEIRS", created_by=world.manager_b)
    make_funding_call("THEIR-DRAFT", created_by=world.manager_b, is_published=False)
    client.force_login(world.manager_a)
    assert client.get(page("MINE", "andra"), **EN).status_code == 200
    data = valid_post("MINE", **{"call-title": "New title"})
    assert client.post(page("MINE", "andra"), data, **EN).status_code == 302
    mine = FundingCall.objects.get(identifier="MINE")
    assert mine.title == "New title" and mine.created_by == world.manager_a and mine.source == "manual"
    assert client.get(page("THEIRS", "andra"), **EN).status_code == 403
    assert client.post(page("THEIRS", "ta-bort"), **EN).status_code == 403
    assert client.get(page("THEIR-DRAFT", "andra"), **EN).status_code == 404
    assert FundingCall.objects.filter(identifier="THEIRS").exists()
    assert "Edit the call" in client.get(page("MINE"), **EN).content.decode()
    assert "Edit the call" not in client.get(page("THEIRS"), **EN).content.decode()


def test_imported_call_may_be_edited_by_officers_only_with_a_note_about_the_next_import(client):
    world = build_world()
    make_funding_call("SMP-COSME-2030-01", source="eu-ft", content_hash="abc", cluster_eligibility_inferred=True)
    client.force_login(world.manager_a)
    assert client.get(page("SMP-COSME-2030-01", "andra"), **EN).status_code == 403
    client.force_login(world.officer)
    text = client.get(page("SMP-COSME-2030-01", "andra"), **EN).content.decode()
    assert "the next import overwrites changes made here" in text
    assert (
        "the next import overwrites changes made here" in client.get(page("SMP-COSME-2030-01"), **EN).content.decode()
    )
    data = valid_post("SMP-COSME-2030-01", **{"call-title": "Corrected"})
    assert client.post(page("SMP-COSME-2030-01", "andra"), data, **EN).status_code == 302
    call = FundingCall.objects.get(identifier="SMP-COSME-2030-01")
    assert (call.title, call.source) == ("Corrected", "eu-ft")
    # The import compares content hashes: cleared, so the next import writes the portal's text again; the
    # officer's word on cluster eligibility is no longer an inference, so the import keeps it.
    assert call.content_hash == ""
    assert (call.cluster_organisations_eligible, call.cluster_eligibility_inferred) == (True, False)


def test_edit_form_starts_with_the_deadlines_in_their_own_zones(client):
    import datetime
    import zoneinfo

    world = build_world()
    at = datetime.datetime(2030, 5, 4, 9, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Tokyo"))
    make_funding_call("TOKYO", deadlines=[{"at": at, "time_zone": "Asia/Tokyo", "stage": 1}])
    client.force_login(world.officer)
    text = client.get(page("TOKYO", "andra"), **EN).content.decode()
    assert 'value="2030-05-04T09:30"' in text
    assert '<option value="Asia/Tokyo" selected>' in text


def test_invalid_edit_changes_nothing(client):
    world = build_world()
    make_funding_call("KEEP", created_by=world.manager_a, title="Kept title")
    client.force_login(world.manager_a)
    data = valid_post("KEEP", **{"call-title": "Changed", "call-budget_min": "9000000"})
    response = client.post(page("KEEP", "andra"), data, **EN)
    assert response.status_code == 200
    assert FundingCall.objects.get(identifier="KEEP").title == "Kept title"


def test_delete_asks_first_and_removes_the_call_with_its_interests(client):
    world = build_world()
    call = make_funding_call("GONE", created_by=world.manager_a)
    FundingInterest.objects.create(call=call, cluster=world.cluster_a, bookmarked=True)
    client.logout()
    assert client.post(page("GONE", "ta-bort"), **EN).status_code == 302
    assert FundingCall.objects.filter(identifier="GONE").exists()  # anonymous: sent to sign in
    client.force_login(world.manager_a)
    assert "cannot be undone" in client.get(page("GONE", "ta-bort"), **EN).content.decode()
    response = client.post(page("GONE", "ta-bort"), **EN)
    assert response.status_code == 302 and response["Location"].endswith("/finansiering/")
    assert not FundingCall.objects.filter(identifier="GONE").exists()
    assert not FundingInterest.objects.exists()


def test_the_header_marks_funding_as_the_current_section_not_the_programme_calls(client):
    make_funding_call("HEADER")
    text = client.get("/en/finansiering/", **EN).content.decode()
    assert 'href="/en/finansiering/" aria-current="page"' in text
    assert 'href="/en/utlysningar/" aria-current' not in text
    text = client.get(page("HEADER"), **EN).content.decode()
    assert 'href="/en/finansiering/" aria-current="true"' in text
