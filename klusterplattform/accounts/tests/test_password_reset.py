"""Password reset by e-mail: a single-use link, the same answer whether or not the address has an account."""

import re

import pytest
from django.core import mail

from klusterplattform.accounts.models import User

NEW_PASSWORD = "another-Long-passphrase-2026"


@pytest.fixture
def anna(db):
    return User.objects.create_user(email="anna@example.org", password="a-Long-enough-passphrase")


def _reset_link(client, email):
    response = client.post("/en/konto/losenord/aterstall/", {"email": email})
    assert response.status_code == 302 and response.url == "/en/konto/losenord/aterstall/skickat/"
    return response


def test_a_reset_link_is_mailed_and_sets_a_new_password_once(client, anna):
    _reset_link(client, "Anna@Example.org")
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    link = re.search(r"https?://[^\s]+/konto/losenord/nytt/[^\s]+", message.body).group(0)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"] is True
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done.url == "/en/konto/losenord/klart/"
    anna.refresh_from_db()
    assert anna.check_password(NEW_PASSWORD)
    assert client.get(path, follow=True).context["validlink"] is False  # used once


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    _reset_link(client, "nobody@example.org")
    assert mail.outbox == []


def test_a_weak_new_password_is_refused_with_a_reason(client, anna):
    _reset_link(client, "anna@example.org")
    path = re.search(r"/en/konto/losenord/nytt/[^\s]+", mail.outbox[0].body).group(0)
    form_page = client.get(path, follow=True)
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": "12345", "new_password2": "12345"})
    assert response.status_code == 200 and "too short" in response.content.decode()
    anna.refresh_from_db()
    assert anna.check_password("a-Long-enough-passphrase")


def test_a_forged_link_is_refused(client, anna):
    response = client.get("/en/konto/losenord/nytt/MQ/set-password/", follow=True)
    assert response.context["validlink"] is False
    assert "This link is not valid" in response.content.decode()


def test_the_sign_in_page_links_to_the_reset(client, db):
    assert "/konto/losenord/aterstall/" in client.get("/konto/logga-in/").content.decode()
