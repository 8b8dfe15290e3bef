"""Documents of an activity: upload checks, the access rule of each document on download (404 when not allowed),
and deleting with a confirmation."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from klusterplattform.activities import registrations
from klusterplattform.activities.models import ActivityDocument
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.tests.factories import UserFactory

from .activities_world import build_world, make_activity

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def world():
    return build_world()


def add_document(activity, access, title=None):
    document = ActivityDocument(activity=activity, title=title or access, access=access)
    document.file.save(f"{access}.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


def pptx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ppt/presentation.xml", "<p/>")
    return buffer.getvalue()


def test_an_officer_uploads_a_presentation(client, world):
    activity = make_activity(world.programme)
    client.force_login(world.officer)
    upload = SimpleUploadedFile("slides.pptx", pptx_bytes())
    response = client.post(
        f"/en/aktiviteter/{activity.pk}/dokument/ny/", {"title": "Slides", "file": upload, "access": "participants"}
    )
    assert response.status_code == 302
    document = ActivityDocument.objects.get()
    assert (document.title, document.access, document.uploaded_by) == ("Slides", "participants", world.officer)


def test_a_renamed_file_is_refused(client, world):
    activity = make_activity(world.programme)
    client.force_login(world.officer)
    upload = SimpleUploadedFile("slides.pdf", b"MZ not a pdf")
    response = client.post(
        f"/en/aktiviteter/{activity.pk}/dokument/ny/", {"title": "Slides", "file": upload, "access": "public"}
    )
    assert "Attach a PDF, Word, PowerPoint" in response.content.decode()
    assert not ActivityDocument.objects.exists()


def test_a_manager_may_not_upload(client, world):
    activity = make_activity(world.programme)
    client.force_login(world.manager)
    upload = SimpleUploadedFile("a.pdf", PDF)
    response = client.post(
        f"/aktiviteter/{activity.pk}/dokument/ny/", {"title": "A", "file": upload, "access": "public"}
    )
    assert response.status_code == 403
    assert not ActivityDocument.objects.exists()


def downloads(client, user, activity, documents):
    client.logout()
    if user is not None:
        client.force_login(user)
    return {
        doc.access
        for doc in documents
        if client.get(f"/aktiviteter/{activity.pk}/dokument/{doc.pk}/").status_code == 200
    }


def test_each_document_is_downloaded_by_whom_its_rule_allows(client, world):
    activity = make_activity(world.programme)
    documents = [add_document(activity, access) for access in ("public", "participants", "officers")]
    regional = UserFactory()
    grant_role(regional, "regional_officer", regions=[world.own.regions.get().code])
    registered = UserFactory(email="ann@example.org")
    registrations.register(activity, world.other, [("Ann", "ann@example.org")], by=world.officer)
    assert downloads(client, None, activity, documents) == {"public"}
    assert downloads(client, UserFactory(), activity, documents) == {"public"}
    assert downloads(client, world.outside_manager, activity, documents) == {"public"}
    assert downloads(client, world.manager, activity, documents) == {"public", "participants"}
    assert downloads(client, regional, activity, documents) == {"public", "participants"}
    assert downloads(client, registered, activity, documents) == {"public", "participants"}
    assert downloads(client, world.officer, activity, documents) == {"public", "participants", "officers"}


def test_the_activity_page_lists_only_documents_the_user_may_download(client, world):
    activity = make_activity(world.programme)
    for access in ("public", "participants", "officers"):
        add_document(activity, access, title=f"Doc for {access}")
    page = client.get(f"/en/aktiviteter/{activity.pk}/").content.decode()
    assert "Doc for public" in page and "Doc for participants" not in page
    client.force_login(world.manager)
    page = client.get(f"/en/aktiviteter/{activity.pk}/").content.decode()
    assert "Doc for participants" in page and "Doc for officers" not in page


def test_documents_of_an_invisible_activity_do_not_exist(client, world):
    activity = make_activity(world.programme, is_published=False)
    document = add_document(activity, "public")
    assert client.get(f"/aktiviteter/{activity.pk}/dokument/{document.pk}/").status_code == 404


def test_an_officer_deletes_a_document_after_confirming(client, world, settings):
    activity = make_activity(world.programme)
    document = add_document(activity, "public")
    stored = document.file.path
    url = f"/en/aktiviteter/{activity.pk}/dokument/{document.pk}/ta-bort/"
    client.force_login(world.manager)
    assert client.post(url).status_code == 403
    client.force_login(world.officer)
    assert "Delete the document" in client.get(url).content.decode()
    assert ActivityDocument.objects.exists()
    assert client.post(url).status_code == 302
    assert not ActivityDocument.objects.exists()
    import os

    assert not os.path.exists(stored)
