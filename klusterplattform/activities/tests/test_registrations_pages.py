"""The registration pages: registering several people at once, cancelling with a confirmation, the officers' export,
attendance checkboxes and the attendance-list upload (validated whole before anything is written)."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from klusterplattform.activities import registrations
from klusterplattform.activities.models import Activity, Registration

from .activities_world import build_world, make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def started(activity):
    """Move an activity that people registered for into the present: it started an hour ago."""
    now = timezone.now()
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=now - datetime.timedelta(hours=1), ends_at=now + datetime.timedelta(hours=2)
    )
    activity.refresh_from_db()
    return activity


def test_a_manager_registers_two_people_one_waits_and_a_cancellation_promotes_them(client, world):
    activity = make_activity(world.programme, capacity=1)
    client.force_login(world.manager)
    url = f"/en/aktiviteter/{activity.pk}/anmalan/"
    data = {"name_1": "Ann Andersson", "email_1": "ann@example.org", "name_2": "Bo Berg", "email_2": "bo@example.org"}
    response = client.post(url, data, follow=True)
    page = response.content.decode()
    assert "1 registered with a confirmed seat, 1 on the waiting list." in page
    assert "number 1 in the queue" in page
    ann = Registration.objects.get(email="ann@example.org")
    cancel_url = f"/en/aktiviteter/{activity.pk}/anmalningar/{ann.pk}/avboka/"
    assert "Cancel the registration" in client.get(cancel_url).content.decode()
    page = client.post(cancel_url, follow=True).content.decode()
    assert "1 moved up from the waiting list." in page
    assert Registration.objects.get(email="bo@example.org").status == "confirmed"


def test_blank_rows_are_ignored_and_half_rows_are_errors(client, world):
    activity = make_activity(world.programme)
    client.force_login(world.manager)
    url = f"/en/aktiviteter/{activity.pk}/anmalan/"
    response = client.post(url, {"name_1": "Ann", "email_1": "", "name_3": "Cy", "email_3": "cy@example.org"})
    assert "Enter this person&#x27;s e-mail address." in response.content.decode()
    assert not Registration.objects.exists()
    response = client.post(url, {})
    assert "Enter the name and e-mail address of at least one person." in response.content.decode()
    assert client.post(url, {"name_3": "Cy", "email_3": "cy@example.org"}).status_code == 302
    assert Registration.objects.get().cluster == world.own


def test_a_duplicate_email_refuses_the_whole_form(client, world):
    activity = make_activity(world.programme)
    registrations.register(activity, world.other, [("Ann", "ann@example.org")], by=world.other_manager)
    client.force_login(world.manager)
    data = {"name_1": "Bo", "email_1": "bo@example.org", "name_2": "Ann", "email_2": "ANN@example.org"}
    response = client.post(f"/en/aktiviteter/{activity.pk}/anmalan/", data)
    assert "Already registered for this activity: ann@example.org." in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_manager_of_several_clusters_chooses_one(client, world):
    from klusterplattform.registry.grants import grant_role

    grant_role(world.manager, "cluster_manager", clusters=[world.other.slug])
    activity = make_activity(world.programme)
    client.force_login(world.manager)
    url = f"/en/aktiviteter/{activity.pk}/anmalan/"
    assert 'name="cluster"' in client.get(url).content.decode()
    assert client.post(url, {"name_1": "Ann", "email_1": "ann@example.org"}).status_code == 200
    response = client.post(url, {"cluster": world.other.slug, "name_1": "Ann", "email_1": "ann@example.org"})
    assert response.status_code == 302
    assert Registration.objects.get().cluster == world.other
    response = client.post(url, {"cluster": world.outside.slug, "name_1": "Bo", "email_1": "bo@example.org"})
    assert response.status_code == 200  # not a choice
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(("who", "status"), [("outside_manager", 403), ("outsider", 403), ("officer", 200)])
def test_who_may_open_the_registration_form(client, world, who, status):
    activity = make_activity(world.programme)
    client.force_login(getattr(world, who))
    assert client.get(f"/aktiviteter/{activity.pk}/anmalan/").status_code == status


def test_anonymous_is_sent_to_sign_in_to_register(client, world):
    activity = make_activity(world.programme)
    response = client.get(f"/aktiviteter/{activity.pk}/anmalan/")
    assert response.status_code == 302
    assert "logga-in" in response["Location"]


def test_after_the_deadline_the_form_says_registration_has_closed(client, world):
    activity = make_activity(world.programme, registration_deadline=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(world.manager)
    url = f"/en/aktiviteter/{activity.pk}/anmalan/"
    assert "Registration has closed" in client.get(url).content.decode()
    client.post(url, {"name_1": "Ann", "email_1": "ann@example.org"})
    assert not Registration.objects.exists()
    assert 'name="email_1"' not in client.get(f"/en/aktiviteter/{activity.pk}/").content.decode()


def test_another_clusters_registration_cannot_be_cancelled_it_does_not_exist_for_them(client, world):
    activity = make_activity(world.programme)
    (ann,) = registrations.register(activity, world.own, [("Ann", "ann@example.org")], by=world.manager)
    client.force_login(world.other_manager)
    url = f"/aktiviteter/{activity.pk}/anmalningar/{ann.pk}/avboka/"
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    ann.refresh_from_db()
    assert ann.status == "confirmed"


def test_the_officer_exports_the_registration_list(client, world):
    activity = make_activity(world.programme, capacity=1)
    registrations.register(
        activity, world.own, [("=Ann", "ann@example.org"), ("Bo", "bo@example.org")], by=world.manager
    )
    client.force_login(world.manager)
    assert client.get(f"/aktiviteter/{activity.pk}/anmalningar/export.csv").status_code == 403
    client.force_login(world.officer)
    response = client.get(f"/en/aktiviteter/{activity.pk}/anmalningar/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Name", "E-mail", "Cluster organisation", "Status"]
    assert [rows[1][0], rows[1][3]] == ["'=Ann", "Confirmed"]  # a formula is written as text
    response = client.get(f"/aktiviteter/{activity.pk}/anmalningar/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 3


# Attendance --------------------------------------------------------------------------------------------------------


@pytest.fixture
def attended_world(world):
    activity = make_activity(world.programme, capacity=3)
    registrations.register(
        activity,
        world.own,
        [("Ann", "ann@example.org"), ("Bo", "bo@example.org"), ("Cy", "cy@example.org"), ("Di", "di@example.org")],
        by=world.manager,
    )
    return world, activity


def test_attendance_is_marked_only_after_the_start(client, attended_world):
    world, activity = attended_world
    client.force_login(world.officer)
    ann = Registration.objects.get(email="ann@example.org")
    url = f"/en/aktiviteter/{activity.pk}/narvaro/"
    assert "once the activity has started" in client.get(url).content.decode()
    client.post(url, {"attended": [ann.pk]})
    ann.refresh_from_db()
    assert ann.attended is None
    started(activity)
    client.post(url, {"attended": [ann.pk]})
    ann.refresh_from_db()
    assert ann.attended is True
    assert Registration.objects.get(email="bo@example.org").attended is False
    page = client.get(f"/en/aktiviteter/{activity.pk}/").content.decode()
    assert "1 person from 1 cluster organisations attended." in page


@pytest.mark.parametrize("who", ["manager", "outsider"])
def test_only_officers_record_attendance(client, attended_world, who):
    world, activity = attended_world
    started(activity)
    client.force_login(getattr(world, who))
    assert client.get(f"/aktiviteter/{activity.pk}/narvaro/").status_code == 403
    response = client.post(f"/aktiviteter/{activity.pk}/narvaro/lista/", {"file": csv_file("email\nann@example.org\n")})
    assert response.status_code == 403
    assert not Registration.objects.filter(attended=True).exists()


def csv_file(text, name="narvaro.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_file(rows, name="narvaro.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_an_attendance_list_with_an_unknown_email_marks_nobody_and_names_the_row(client, attended_world):
    world, activity = attended_world
    started(activity)
    client.force_login(world.officer)
    text = "Namn;E-post\nAnn;ann@example.org\nZed;zed@example.org\nDi;di@example.org\n"
    response = client.post(f"/en/aktiviteter/{activity.pk}/narvaro/lista/", {"file": csv_file(text)})
    page = response.content.decode()
    assert "Row 3: zed@example.org has no confirmed registration for this activity." in page
    # Di is on the waiting list: not a confirmed participant either.
    assert "Row 4: di@example.org has no confirmed registration" in page
    assert not Registration.objects.filter(attended=True).exists()


def test_an_attendance_list_in_excel_marks_the_people_listed(client, attended_world):
    world, activity = attended_world
    started(activity)
    client.force_login(world.officer)
    rows = [["Name", "Email"], ["Ann", "ANN@example.org"], [None, None], ["Bo", " bo@example.org "]]
    response = client.post(f"/en/aktiviteter/{activity.pk}/narvaro/lista/", {"file": xlsx_file(rows)}, follow=True)
    assert "2 marked as attended, 0 were already marked." in response.content.decode()
    assert set(Registration.objects.filter(attended=True).values_list("email", flat=True)) == {
        "ann@example.org",
        "bo@example.org",
    }


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: csv_file("name,phone\nAnn,123\n"), "The header row has no column named email"),
        (lambda: csv_file(""), "The submitted file is empty."),
        (lambda: csv_file("\n\n"), "The file is empty"),
        (lambda: csv_file("email\n"), "The file lists nobody"),
        (lambda: csv_file("email\nann@example.org\n", name="list.txt"), "Upload the attendance list as a CSV or Excel"),
        (lambda: SimpleUploadedFile("list.xlsx", b"PK\x03\x04 not a workbook"), "Upload the attendance list"),
    ],
)
def test_a_bad_attendance_file_gets_a_clear_error(client, attended_world, upload, message):
    world, activity = attended_world
    started(activity)
    client.force_login(world.officer)
    response = client.post(f"/en/aktiviteter/{activity.pk}/narvaro/lista/", {"file": upload()})
    assert message in response.content.decode()
    assert not Registration.objects.filter(attended=True).exists()
