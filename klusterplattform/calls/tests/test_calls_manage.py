"""Officers' pages of a call: creating and changing it (local times in its zone), the form editor (versions, freezing,
read-only after opening), review criteria (locked once a review is submitted), phases and documents; and who is
refused (403), sent to sign in (302) or told the call does not exist (404)."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from klusterplattform.calls.forms_engine import DEFAULT_FORM
from klusterplattform.calls.models import (
    Application,
    Call,
    CallDocument,
    FormVersion,
    Review,
    ReviewAssignment,
    ReviewCriterion,
    ReviewPhase,
)

from .calls_world import build_world, make_call

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def en_url(name, args=()):
    with translation.override("en"):
        return reverse(name, args=args)


def call_data(programme, **changes):
    data = {
        "programme": programme.pk,
        "slug": "s3-pilot",
        "title_sv": "S3-pilot",
        "title_en": "S3 pilot",
        "text_sv": "Text",
        "text_en": "Text",
        "eligibility_sv": "",
        "eligibility_en": "",
        "requires_legal_person": "on",
        "requires_s3_priority": "on",
        "opens_at": "2030-03-01T09:00",
        "closes_at": "2030-04-15T15:00",
        "time_zone": "Europe/Stockholm",
        "target_selections": "5",
        "notify_decisions": ["selected", "rejected"],
        "outcome_sv": "",
        "outcome_en": "",
        "is_published": "on",
    }
    data.update(changes)
    return data


def test_an_officer_creates_a_call_with_local_times_and_gets_the_default_form(client, world):
    client.force_login(world.officer)
    response = client.post(reverse("calls:call_create"), call_data(world.programme))
    assert response.status_code == 302
    call = Call.objects.get(slug="s3-pilot")
    assert call.opens_at == datetime.datetime(2030, 3, 1, 8, 0, tzinfo=datetime.UTC)  # CET is UTC+1
    assert call.closes_at == datetime.datetime(2030, 4, 15, 13, 0, tzinfo=datetime.UTC)  # CEST is UTC+2
    assert call.notify_decisions == ["selected", "rejected"]
    assert not call.requires_endorsement and call.created_by == world.officer
    version = call.form_versions.get()
    assert version.number == 1 and version.definition == DEFAULT_FORM and version.frozen_at is None


def test_a_time_the_clocks_skip_is_refused_and_nothing_is_saved(client, world):
    client.force_login(world.officer)
    data = call_data(world.programme, opens_at="2030-03-31T02:30")
    response = client.post(en_url("calls:call_create"), data, **EN)
    assert response.status_code == 200
    assert "2030-03-31 02:30 does not exist in Europe/Stockholm" in response.content.decode()
    data = call_data(world.programme, closes_at="2030-02-01T09:00")
    assert "The call must close after it opens." in client.post("/en/utlysningar/ny/", data, **EN).content.decode()
    assert not Call.objects.filter(slug="s3-pilot").exists()


def test_editing_shows_the_stored_times_in_the_calls_zone(client, world):
    call = make_call(
        world.programme,
        slug="tokyo",
        opens_at=datetime.datetime(2030, 1, 1, 0, 0, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(2030, 2, 1, 0, 0, tzinfo=datetime.UTC),
        time_zone="Asia/Tokyo",
    )
    client.force_login(world.officer)
    html = client.get(reverse("calls:call_edit", args=[call.slug])).content.decode()
    assert 'value="2030-01-01T09:00"' in html
    data = call_data(world.programme, slug="tokyo", time_zone="Asia/Tokyo", opens_at="2030-01-01T09:00")
    data["closes_at"] = "2030-02-01T09:00"
    data["outcome_en"] = "Four clusters were selected."
    assert client.post(reverse("calls:call_edit", args=[call.slug]), data).status_code == 302
    call.refresh_from_db()
    assert call.opens_at == datetime.datetime(2030, 1, 1, 0, 0, tzinfo=datetime.UTC)
    assert call.outcome_en == "Four clusters were selected."


def test_the_slug_ny_is_reserved(client, world):
    client.force_login(world.officer)
    response = client.post("/en/utlysningar/ny/", call_data(world.programme, slug="ny"), **EN)
    assert "ny is reserved" in response.content.decode()


@pytest.mark.parametrize("name", ["call_edit", "call_form", "call_criteria", "call_phases", "call_document_upload"])
def test_officer_pages_refuse_others(client, world, name):
    url = reverse(f"calls:{name}", args=[world.call.slug])
    assert client.get(url).status_code == 302  # anonymous: sign in
    for user in (world.manager_a, world.regional_a, world.reviewer_1, world.outsider):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, {}).status_code == 403
    hidden = make_call(world.programme, slug="hidden", is_published=False)
    client.force_login(world.manager_a)
    assert client.get(reverse(f"calls:{name}", args=[hidden.slug])).status_code == 404
    client.force_login(world.officer)
    assert client.get(url).status_code == 200


def test_others_may_not_create_calls(client, world):
    assert client.get(reverse("calls:call_create")).status_code == 302
    client.force_login(world.manager_a)
    assert client.post(reverse("calls:call_create"), call_data(world.programme)).status_code == 403
    assert not Call.objects.filter(slug="s3-pilot").exists()


# --- the form editor ----------------------------------------------------------------------------------------------


def test_the_form_editor_lists_every_problem_and_saves_nothing(client, world):
    call = make_call(world.programme, slug="later", opens_in_days=5)
    client.force_login(world.officer)
    url = en_url("calls:call_form", args=[call.slug])
    bad = {
        "sections": [
            {
                "code": "a",
                "title_sv": "A",
                "title_en": "A",
                "fields": [
                    {"code": "x", "kind": "choice", "label_sv": "X", "label_en": "X"},
                    {"code": "x", "kind": "text", "label_sv": "Y", "label_en": "Y"},
                ],
            }
        ]
    }
    html = client.post(url, {"definition": json.dumps(bad)}, **EN).content.decode()
    assert "sections[0].fields[0].options: a choice field needs options" in html
    assert "sections[0].fields[1].code: &#x27;x&#x27; is already used by sections[0].fields[0]" in html
    html = client.post(url, {"definition": "{not json"}, **EN).content.decode()
    assert "This is not valid JSON (line 1" in html
    assert FormVersion.objects.get(call=call).definition == DEFAULT_FORM


def test_saving_updates_the_unfrozen_version_and_the_default_button_fills_in_the_default(client, world):
    call = make_call(world.programme, slug="later", opens_in_days=5)
    client.force_login(world.officer)
    url = reverse("calls:call_form", args=[call.slug])
    small = {
        "sections": [
            {
                "code": "a",
                "title_sv": "A",
                "title_en": "A",
                "fields": [{"code": "x", "kind": "text", "label_sv": "X", "label_en": "X", "required": True}],
            }
        ]
    }
    assert client.post(url, {"definition": json.dumps(small)}).status_code == 302
    assert FormVersion.objects.get(call=call).definition == small
    html = client.post(
        en_url("calls:call_form", [call.slug]), {"use_default": "1", "definition": "{}"}, **EN
    ).content.decode()
    assert "strategy_document" in html and "It is not saved until you save it." in html
    assert FormVersion.objects.get(call=call).definition == small
    FormVersion.objects.filter(call=call).update(frozen_at=timezone.now())
    assert client.post(url, {"definition": json.dumps(DEFAULT_FORM)}).status_code == 302
    assert list(call.form_versions.values_list("number", flat=True)) == [2, 1]


def test_after_opening_the_editor_is_read_only_and_the_form_frozen(client, world):
    call = world.call
    FormVersion.objects.filter(call=call).update(frozen_at=None)
    client.force_login(world.officer)
    url = en_url("calls:call_form", args=[call.slug])
    html = client.get(url, **EN).content.decode()
    assert "The call has opened, so its application form can no longer be changed" in html
    assert 'name="definition"' not in html
    assert "<caption>Budget per item (required)</caption>" in html  # the preview, with its accessible table
    assert FormVersion.objects.get(call=call).frozen_at is not None
    response = client.post(url, {"definition": json.dumps({"sections": []})}, **EN)
    assert response.status_code == 302
    assert FormVersion.objects.get(call=call).definition == DEFAULT_FORM


# --- criteria and phases ------------------------------------------------------------------------------------------


def criteria_data(call, rows, extra=()):
    data = {
        "criteria-TOTAL_FORMS": str(len(rows) + len(extra)),
        "criteria-INITIAL_FORMS": str(len(rows)),
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(list(rows) + list(extra)):
        for key, value in row.items():
            if value is not None:
                data[f"criteria-{index}-{key}"] = value
    return data


def criterion_row(criterion, **changes):
    row = {
        "id": str(criterion.pk),
        "code": criterion.code,
        "label_sv": criterion.label_sv,
        "label_en": criterion.label_en,
        "help_sv": "",
        "help_en": "",
        "weight": str(criterion.weight),
        "scale_min": str(criterion.scale_min),
        "scale_max": str(criterion.scale_max),
        "allows_na": "on" if criterion.allows_na else None,
        "comment_required": "on" if criterion.comment_required else None,
        "position": str(criterion.position),
    }
    row.update(changes)
    return row


def test_an_officer_changes_adds_and_deletes_criteria(client, world):
    client.force_login(world.officer)
    url = reverse("calls:call_criteria", args=[world.call.slug])
    relevance, quality, international = world.criteria
    new = {
        "code": "impact",
        "label_sv": "Effekt",
        "label_en": "Impact",
        "weight": "1.5",
        "scale_min": "0",
        "scale_max": "10",
        "position": "5",
    }
    rows = [criterion_row(relevance, weight="3"), criterion_row(quality, DELETE="on"), criterion_row(international)]
    assert client.post(url, criteria_data(world.call, rows, [new])).status_code == 302
    codes = dict(world.call.criteria.values_list("code", "weight"))
    assert set(codes) == {"relevance", "international", "impact"} and float(codes["relevance"]) == 3


def test_bad_criteria_are_refused_with_nothing_saved(client, world):
    client.force_login(world.officer)
    url = en_url("calls:call_criteria", args=[world.call.slug])
    relevance, quality, international = world.criteria
    rows = [
        criterion_row(relevance, scale_max="1"),
        criterion_row(quality, code="relevance"),
        criterion_row(international),
    ]
    html = client.post(url, criteria_data(world.call, rows), **EN).content.decode()
    assert "The highest score must be greater than the lowest." in html
    assert "Each criterion needs its own code." in html
    assert set(world.call.criteria.values_list("code", flat=True)) == {"relevance", "quality", "international"}


def test_criteria_are_locked_once_a_review_is_submitted(client, world):
    application = Application.objects.create(call=world.call, cluster=world.cluster_a, form_version=world.form)
    assignment = ReviewAssignment.objects.create(application=application, reviewer=world.reviewer_1)
    review = Review.objects.create(assignment=assignment)
    client.force_login(world.officer)
    url = en_url("calls:call_criteria", args=[world.call.slug])
    assert 'name="criteria-0-code"' in client.get(url, **EN).content.decode()  # a draft review locks nothing
    review.submitted_at = timezone.now()
    review.save()
    html = client.get(url, **EN).content.decode()
    assert "Reviews have been submitted, so the criteria can no longer be changed." in html
    assert 'name="criteria-0-code"' not in html
    rows = [criterion_row(c, weight="9") for c in world.criteria]
    assert client.post(url, criteria_data(world.call, rows), **EN).status_code == 302
    assert not ReviewCriterion.objects.filter(call=world.call, weight=9).exists()


def test_an_officer_adds_a_phase_and_makes_it_current(client, world):
    client.force_login(world.officer)
    url = reverse("calls:call_phases", args=[world.call.slug])
    phase = world.phase
    data = {
        "phases-TOTAL_FORMS": "2",
        "phases-INITIAL_FORMS": "1",
        "phases-MIN_NUM_FORMS": "0",
        "phases-MAX_NUM_FORMS": "1000",
        "phases-0-id": str(phase.pk),
        "phases-0-name_sv": phase.name_sv,
        "phases-0-name_en": phase.name_en,
        "phases-0-visibility": "never",
        "phases-0-position": "0",
        "phases-1-name_sv": "Panel",
        "phases-1-name_en": "Panel",
        "phases-1-visibility": "always",
        "phases-1-hide_applicants": "on",
        "phases-1-position": "1",
        "current-current_phase": str(phase.pk),
    }
    assert client.post(url, data).status_code == 302
    phase.refresh_from_db()
    assert phase.visibility == "never"
    panel = ReviewPhase.objects.get(call=world.call, name_en="Panel")
    assert panel.hide_applicants and panel.visibility == "always"
    data["phases-TOTAL_FORMS"] = "2"
    data["phases-INITIAL_FORMS"] = "2"
    data["phases-1-id"] = str(panel.pk)
    data["current-current_phase"] = str(panel.pk)
    assert client.post(url, data).status_code == 302
    world.call.refresh_from_db()
    assert world.call.current_phase == panel
    other_call_phase = ReviewPhase.objects.create(call=make_call(world.programme, slug="x"), name_sv="A", name_en="A")
    data["current-current_phase"] = str(other_call_phase.pk)
    assert client.post(url, data).status_code == 200  # not a phase of this call
    world.call.refresh_from_db()
    assert world.call.current_phase == panel


# --- documents ----------------------------------------------------------------------------------------------------


def test_an_officer_uploads_and_deletes_documents_checked_by_type(client, world, media):
    client.force_login(world.officer)
    url = en_url("calls:call_document_upload", args=[world.call.slug])
    fake = SimpleUploadedFile("guide.pdf", b"not really a pdf")
    html = client.post(url, {"title": "Guide", "file": fake}, **EN).content.decode()
    assert "Attach a PDF, Word, OpenDocument or Excel file." in html
    assert not CallDocument.objects.exists()
    real = SimpleUploadedFile("guide.pdf", b"%PDF-1.4 guide")
    assert client.post(url, {"title": "Guide", "file": real}).status_code == 302
    document = CallDocument.objects.get()
    assert document.uploaded_by == world.officer
    stored = document.file.name
    delete = reverse("calls:call_document_delete", args=[world.call.slug, document.pk])
    client.force_login(world.manager_a)
    assert client.post(delete).status_code == 403
    client.force_login(world.officer)
    assert client.post(delete).status_code == 302
    assert not CallDocument.objects.exists() and not document.file.storage.exists(stored)
