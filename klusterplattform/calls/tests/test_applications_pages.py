"""The application pages: start, edit a draft (answers, attachments, regions), submit, withdraw, the officers'
eligibility buttons, the call's list, with the permission rules per persona."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from klusterplattform.calls.models import Application, ApplicationEvent, ApplicationFile
from klusterplattform.calls.tests.application_fixtures import COMPLETE_POST, application_in, draft, pdf
from klusterplattform.calls.tests.calls_world import build_world, make_call

pytestmark = pytest.mark.django_db


def en(url: str) -> str:
    """The English page at the same path (unprefixed paths are Swedish)."""
    return url if url.startswith("/en/") else "/en" + url


@pytest.fixture(autouse=True)
def swedish():
    # An English page leaves English active in the test's thread: reverse() Swedish paths again afterwards.
    from django.utils import translation

    with translation.override("sv"):
        yield


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_world()


def test_manager_starts_an_application_once_and_a_second_start_leads_to_it(client, world):
    client.force_login(world.manager_a)
    url = reverse("calls:application_start", args=[world.call.slug])
    page = client.get(en(url))
    assert page.status_code == 200
    assert "Start the application" in page.content.decode()
    response = client.post(url, {"cluster": world.cluster_a.pk})
    application = Application.objects.get(call=world.call, cluster=world.cluster_a)
    assert response.status_code == 302 and response.url == reverse("calls:application_edit", args=[application.pk])
    assert application.form_version == world.form
    assert list(application.regions.all()) == [world.region_a]  # the cluster's region preselected
    again = client.get(url)
    assert again.status_code == 302 and again.url == application.get_absolute_url()
    assert Application.objects.filter(call=world.call).count() == 1


def test_manager_of_several_clusters_chooses_which_one(client, world):
    from klusterplattform.registry.grants import grant_role

    grant_role(world.manager_a, "cluster_manager", clusters=[world.cluster_b.slug])
    client.force_login(world.manager_a)
    url = reverse("calls:application_start", args=[world.call.slug])
    page = client.get(url).content.decode()
    assert world.cluster_a.name in page and world.cluster_b.name in page
    client.post(url, {"cluster": world.cluster_b.pk})
    assert Application.objects.get().cluster == world.cluster_b


@pytest.mark.parametrize("persona", ["outsider", "regional_a", "officer", "reviewer_1"])
def test_only_cluster_managers_start(client, world, persona):
    client.force_login(getattr(world, persona))
    response = client.post(reverse("calls:application_start", args=[world.call.slug]), {"cluster": world.cluster_a.pk})
    assert response.status_code == 403
    assert not Application.objects.exists()


def test_manager_cannot_start_for_another_cluster(client, world):
    client.force_login(world.manager_b)
    client.post(reverse("calls:application_start", args=[world.call.slug]), {"cluster": world.cluster_a.pk})
    assert not Application.objects.filter(cluster=world.cluster_a).exists()


def test_a_closed_call_takes_no_new_applications(client, world):
    closed = make_call(world.programme, slug="stangd", opens_in_days=-20, closes_in_days=-1)
    client.force_login(world.manager_a)
    url = reverse("calls:application_start", args=[closed.slug])
    response = client.post(en(url), {"cluster": world.cluster_a.pk})
    assert response.status_code == 200
    assert "The call closed on" in response.content.decode()
    assert not Application.objects.exists()


def test_anonymous_is_sent_to_sign_in(client, world):
    application = draft(world)
    for url in (
        reverse("calls:application_start", args=[world.call.slug]),
        reverse("calls:application", args=[application.pk]),
        reverse("calls:application_edit", args=[application.pk]),
        reverse("calls:call_applications", args=[world.call.slug]),
    ):
        assert client.get(url).status_code == 302


def test_a_draft_is_saved_incomplete_and_validated_per_field(client, world):
    application = draft(world, complete=False)
    client.force_login(world.manager_a)
    url = reverse("calls:application_edit", args=[application.pk])
    response = client.post(url, {"mission": "Bara uppdraget", "kp-regions": [world.region_a.pk]})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.answers == {"mission": "Bara uppdraget"}
    bad = client.post(en(url), {"mission": "Nytt", "staff": "många", "kp-regions": [world.region_a.pk]})
    assert bad.status_code == 200 and "There is a problem" in bad.content.decode()
    application.refresh_from_db()
    assert application.answers == {"mission": "Bara uppdraget"}  # nothing half-written


def test_edit_page_shows_completeness_per_section(client, world):
    application = draft(world, complete=False)
    client.force_login(world.manager_a)
    page = client.get(en(reverse("calls:application_edit", args=[application.pk]))).content.decode()
    assert "Required answers per section" in page
    assert "Strategy document" in page  # the attachment field, with its label


def test_attachment_is_validated_replaced_and_removed(client, world):
    application = draft(world, complete=False)
    client.force_login(world.manager_a)
    url = reverse("calls:application_edit", args=[application.pk])
    renamed = SimpleUploadedFile("strategi.pdf", b"MZ not a pdf", content_type="application/pdf")
    refused = client.post(en(url), {"kp-file_strategy_document": renamed})
    assert refused.status_code == 200 and "Attach a file of one of these types" in refused.content.decode()
    assert not ApplicationFile.objects.exists()
    client.post(url, {"kp-file_strategy_document": pdf("forsta.pdf")})
    client.post(url, {"kp-file_strategy_document": pdf("andra.pdf")})
    attached = ApplicationFile.objects.get()
    assert attached.name == "andra.pdf" and attached.field == "strategy_document"
    download = client.get(reverse("calls:application_file", args=[application.pk, attached.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")
    client.post(reverse("calls:application_file_delete", args=[application.pk, attached.pk]))
    assert not ApplicationFile.objects.exists()


def test_too_large_attachment_is_refused(client, world):
    application = draft(world, complete=False)
    client.force_login(world.manager_a)
    big = pdf("stor.pdf", size=10 * 1024 * 1024 + 1)
    response = client.post(
        en(reverse("calls:application_edit", args=[application.pk])), {"kp-file_strategy_document": big}
    )
    assert "at most" in response.content.decode()
    assert not ApplicationFile.objects.exists()


def test_only_swedish_counties_can_be_named(client, world):
    from klusterplattform.registry.tests.factories import RegionFactory

    nuts = RegionFactory(code="DE1", level="nuts2", country="DE")
    application = draft(world, complete=False)
    client.force_login(world.manager_a)
    response = client.post(reverse("calls:application_edit", args=[application.pk]), {"kp-regions": [nuts.pk]})
    assert response.status_code == 200
    assert list(application.regions.all()) == [world.region_a]


@pytest.mark.parametrize(
    "persona,status", [("manager_b", 404), ("outsider", 404), ("regional_a", 404), ("officer", 403)]
)
def test_others_may_not_edit(client, world, persona, status):
    application = draft(world, complete=False)
    client.force_login(getattr(world, persona))
    response = client.post(reverse("calls:application_edit", args=[application.pk]), {"mission": "Kapat"})
    assert response.status_code == status
    application.refresh_from_db()
    assert application.answers == {}


def test_manager_fills_and_submits_with_an_attachment(client, world):
    application = draft(world, complete=False)
    client.force_login(world.manager_a)
    edit = reverse("calls:application_edit", args=[application.pk])
    response = client.post(
        edit, {**COMPLETE_POST, "kp-regions": [world.region_a.pk], "kp-file_strategy_document": pdf()}
    )
    assert response.status_code == 302
    detail = client.get(en(application.get_absolute_url())).content.decode()
    assert "Submit the application" in detail
    submitted = client.post(reverse("calls:application_action", args=[application.pk, "submit"]))
    assert submitted.status_code == 302
    application.refresh_from_db()
    assert application.status == "submitted" and application.submitted_at
    assert application.endorsements.get().region == world.region_a
    page = client.get(en(application.get_absolute_url())).content.decode()
    assert "Submitted" in page and "Waiting for the region" in page
    # A submitted application is no longer edited.
    assert client.get(edit).status_code == 403


def test_submitting_an_incomplete_application_lists_what_is_missing(client, world):
    application = draft(world, complete=False)
    client.force_login(world.manager_a)
    response = client.post(en(reverse("calls:application_action", args=[application.pk, "submit"])))
    text = response.content.decode()
    assert response.status_code == 200 and "Still missing" in text and "Strategy document" in text
    application.refresh_from_db()
    assert application.status == "draft" and not ApplicationEvent.objects.exists()


def test_withdraw_has_a_confirmation_page(client, world):
    application = application_in(world, "submitted")
    client.force_login(world.manager_a)
    url = reverse("calls:application_action", args=[application.pk, "withdraw"])
    page = client.get(en(url))
    assert page.status_code == 200 and "cannot be submitted again" in page.content.decode()
    application.refresh_from_db()
    assert application.status == "submitted"
    client.post(url, {"comment": "Vi söker nästa år"})
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_officer_runs_the_eligibility_check_from_the_page(client, world):
    application = application_in(world, "submitted")
    client.force_login(world.officer)
    page = client.get(en(application.get_absolute_url())).content.decode()
    assert "Start the eligibility check" in page
    client.post(reverse("calls:application_action", args=[application.pk, "check"]), {"comment": "Kontroll"})
    application.refresh_from_db()
    assert application.status == "eligibility_check"
    page = client.get(en(application.get_absolute_url())).content.decode()
    assert "Eligible: send to review" in page and "Not eligible: reject" in page
    refused = client.post(en(reverse("calls:application_action", args=[application.pk, "reject_ineligible"])))
    assert "Write a justification" in refused.content.decode()
    # Admission waits for the region.
    refused = client.post(en(reverse("calls:application_action", args=[application.pk, "admit"])))
    assert "Waiting for the region" in refused.content.decode()
    application.refresh_from_db()
    assert application.status == "eligibility_check"
    history = client.get(en(application.get_absolute_url())).content.decode()
    assert "Start the eligibility check" in history and "Kontroll" in history


def test_manager_may_not_use_officer_transitions(client, world):
    application = application_in(world, "submitted")
    client.force_login(world.manager_a)
    assert client.post(reverse("calls:application_action", args=[application.pk, "check"])).status_code == 403
    application.refresh_from_db()
    assert application.status == "submitted"


def test_call_list_filters_and_shows_each_persona_their_own(client, world, django_assert_max_num_queries):
    mine = application_in(world, "submitted")
    theirs = draft(world, cluster=world.cluster_b, complete=False)
    url = reverse("calls:call_applications", args=[world.call.slug])
    client.force_login(world.officer)
    with django_assert_max_num_queries(14):
        page = client.get(url).content.decode()
    assert world.cluster_a.name in page and world.cluster_b.name in page
    page = client.get(url, {"status": "draft"}).content.decode()
    assert world.cluster_b.name in page and world.cluster_a.name not in page
    page = client.get(url, {"region": world.region_a.code}).content.decode()
    assert world.cluster_a.name in page and world.cluster_b.name not in page
    client.force_login(world.manager_b)
    page = client.get(url).content.decode()
    assert world.cluster_b.name in page and world.cluster_a.name not in page
    client.force_login(world.regional_b)  # cluster B's draft is not shown to its region
    page = client.get(url).content.decode()
    assert world.cluster_b.name not in page and world.cluster_a.name not in page
    client.force_login(world.regional_a)
    assert world.cluster_a.name in client.get(url).content.decode()
    assert mine.pk and theirs.pk


def test_list_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    from klusterplattform.registry.tests.factories import ClusterFactory

    for n in range(5):
        cluster = ClusterFactory(slug=f"extra-{n}", regions=[world.region_a])
        from klusterplattform.calls.models import Application as A

        A.objects.create(call=world.call, cluster=cluster, form_version=world.form)
    client.force_login(world.officer)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("calls:call_applications", args=[world.call.slug])).status_code == 200


def test_a_reviewer_sees_an_assigned_application_without_the_name_while_the_phase_hides_it(client, world):
    from klusterplattform.calls.models import ReviewAssignment

    application = application_in(world, "in_review")
    ReviewAssignment.objects.create(
        application=application, reviewer=world.reviewer_1, no_conflict_declared_at=timezone.now()
    )
    client.force_login(world.reviewer_1)
    assert world.cluster_a.name in client.get(application.get_absolute_url()).content.decode()
    world.phase.hide_applicants = True
    world.phase.save()
    page = client.get(en(application.get_absolute_url()))
    assert page.status_code == 200
    assert world.cluster_a.name not in page.content.decode()
    assert f"Application {application.pk}" in page.content.decode()
    client.force_login(world.reviewer_2)  # not assigned
    assert client.get(application.get_absolute_url()).status_code == 404


def test_a_demo_cluster_does_not_apply_to_a_real_call(client, world):
    from klusterplattform.registry.grants import grant_role
    from klusterplattform.registry.tests.factories import ClusterFactory

    demo = ClusterFactory(slug="demo-kluster", is_demo=True, regions=[world.region_a])
    grant_role(world.outsider, "cluster_manager", clusters=[demo.slug])
    client.force_login(world.outsider)
    response = client.post(reverse("calls:application_start", args=[world.call.slug]), {"cluster": demo.pk})
    assert response.status_code == 403
    assert not Application.objects.exists()


def test_the_application_page_query_count_does_not_grow_with_its_history(client, world, django_assert_max_num_queries):
    application = application_in(world, "eligibility_check", regions=[world.region_a, world.region_b])
    client.force_login(world.officer)
    with django_assert_max_num_queries(30) as first:
        client.get(application.get_absolute_url())
    before = len(first.captured_queries)
    for _ in range(5):
        from klusterplattform.calls.models import ApplicationEvent

        ApplicationEvent.objects.create(
            application=application, transition="check", from_status="submitted", to_status="eligibility_check"
        )
    with django_assert_max_num_queries(before):
        page = client.get(application.get_absolute_url())
    assert page.status_code == 200
