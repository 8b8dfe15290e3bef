"""End to end: a cluster manager signs in from the header, is refused after a wrong password, and signs out."""

import pytest

from klusterplattform.accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-Long-enough-passphrase"


def test_a_user_signs_in_from_the_header_and_signs_out_again(live_server, page, assert_accessible):
    User.objects.create_user(email="klusterledare@example.org", password=PASSWORD)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Logga in").click()
    page.wait_for_url("**/konto/logga-in/**")
    assert_accessible(page)

    page.get_by_label("E-postadress").fill("klusterledare@example.org")
    page.get_by_label("Lösenord").fill("fel-lösenord")
    page.get_by_role("button", name="Logga in").click()
    assert page.get_by_role("alert").inner_text().count("E-postadressen eller lösenordet är fel.") == 1
    assert_accessible(page)

    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url(live_server.url + "/")
    page.get_by_role("button", name="Logga ut").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("link", name="Logga in").is_visible()


def test_the_password_reset_pages_are_reachable_from_sign_in_and_accessible(live_server, page, assert_accessible):
    page.goto(live_server.url + "/konto/logga-in/")
    page.get_by_role("link", name="Har du glömt lösenordet?").click()
    page.wait_for_url("**/konto/losenord/aterstall/")
    assert_accessible(page)
    page.get_by_label("E-postadress").fill("nobody@example.org")
    page.get_by_role("button", name="Skicka länken").click()
    page.wait_for_url("**/konto/losenord/aterstall/skickat/")
    assert page.get_by_role("heading", level=1).inner_text() == "Titta i din e-post"
    assert_accessible(page)


def test_the_privacy_notice_is_reached_from_the_footer_and_accessible(live_server, page, assert_accessible):
    page.goto(live_server.url + "/")
    page.get_by_role("contentinfo").get_by_role("link", name="Integritetsmeddelande").click()
    page.wait_for_url("**/integritet/")
    assert page.get_by_role("table").count() == 1
    assert_accessible(page)
