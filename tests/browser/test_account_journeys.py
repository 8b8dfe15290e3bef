"""End to end: an officer invites a cluster manager who accepts by the e-mailed link; a user turns on two-factor
sign-in and signs in with a code; an officer reads a cluster's history and looks up a person's data."""

import re
import time
from urllib.parse import urlsplit

import pyotp
import pytest

from klusterplattform.accounts.models import TwoFactorDevice, User
from klusterplattform.registry.grants import grant_role
from klusterplattform.registry.models import ContactPerson, Invitation
from klusterplattform.registry.tests.factories import ClusterFactory, ContactPersonFactory, RegionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-Long-enough-passphrase"
INVITATION_LINK = re.compile(r"https?://\S+/inbjudan/[A-Za-z0-9_-]+/")


def _sign_in(page, live_server, email, next_path, assert_accessible=None):
    page.goto(f"{live_server.url}/en/konto/logga-in/?next={next_path}")
    if assert_accessible:
        assert_accessible(page)
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _sign_out(page, live_server):
    page.get_by_role("banner").get_by_role("button", name="Sign out").click()
    page.wait_for_url(live_server.url + "/")


def _officer(email="handlaggare@example.org"):
    officer = User.objects.create_user(email=email, password=PASSWORD)
    grant_role(officer, "officer")
    return officer


def _english(link: str, live_server) -> str:
    """The e-mailed link on the live server, on its English page (the Swedish one is translated later)."""
    path = urlsplit(link).path
    return live_server.url + (path if path.startswith("/en/") else "/en" + path)


# The accept page sends "Referrer-Policy: no-referrer", so Chromium posts its form with "Origin: null" and Django's
def test_an_officer_invites_a_manager_who_accepts_by_the_emailed_link(live_server, page, assert_accessible, mailoutbox):
    ClusterFactory(name="Smålands Trä", slug="smalands-tra", regions=[RegionFactory(code="07")])
    _officer()

    _sign_in(page, live_server, "handlaggare@example.org", "/en/kluster/smalands-tra/", assert_accessible)
    page.wait_for_url(live_server.url + "/en/kluster/smalands-tra/")
    assert_accessible(page)
    page.get_by_role("link", name="Invite a cluster manager").click()
    page.wait_for_url("**/en/kluster/smalands-tra/inbjudningar/")
    assert page.get_by_role("heading", level=1).inner_text() == "Invite a cluster manager"
    assert_accessible(page)

    page.get_by_label("E-mail address").fill("Ny.Ledare@Example.org")
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_url("**/en/kluster/smalands-tra/inbjudningar/")
    assert page.get_by_role("status").inner_text() == "An invitation was sent to ny.ledare@example.org."
    assert "pending" in page.get_by_role("row", name="ny.ledare@example.org").inner_text()
    assert_accessible(page)

    # The live server runs in this process, so its locmem backend fills the same outbox.
    assert [message.to for message in mailoutbox] == [["ny.ledare@example.org"]]
    link = INVITATION_LINK.search(mailoutbox[0].body).group(0)
    assert Invitation.objects.get().email == "ny.ledare@example.org"
    _sign_out(page, live_server)
    assert_accessible(page)

    page.goto(_english(link, live_server))
    assert page.get_by_role("heading", level=1).inner_text() == "Manage Smålands Trä on Klusterplattform"
    assert_accessible(page)
    page.get_by_label("Your name").fill("Nina Ledare")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label("Password again").fill(PASSWORD)
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name="Accept the invitation").click()
    assert posted.value.status != 403, "the browser's own form POST was refused (CSRF: Origin null)"
    page.wait_for_url(live_server.url + "/en/kluster/smalands-tra/")
    assert page.get_by_role("status").inner_text() == "Welcome! You now manage Smålands Trä."
    assert page.get_by_role("link", name="Edit profile").is_visible()
    assert page.get_by_role("link", name="Invite a cluster manager").count() == 0
    assert_accessible(page)
    assert User.objects.get(email="ny.ledare@example.org").full_name == "Nina Ledare"

    # The link works once: opened again, it says so.
    response = page.goto(_english(link, live_server))
    assert response.status == 410
    assert_accessible(page)


def test_a_user_turns_on_two_factor_sign_in_and_signs_in_with_a_code(live_server, page, assert_accessible):
    user = User.objects.create_user(email="klusterledare@example.org", password=PASSWORD)

    _sign_in(page, live_server, "klusterledare@example.org", "/en/", assert_accessible)
    page.wait_for_url(live_server.url + "/en/")
    assert_accessible(page)
    page.get_by_role("banner").get_by_role("link", name="My account").click()
    page.wait_for_url("**/en/konto/")
    assert_accessible(page)
    page.get_by_role("link", name="Set up two-factor authentication").click()
    page.wait_for_url("**/en/konto/tvafaktor/")
    assert page.get_by_role("img", name="QR code for your authenticator app").is_visible()
    assert_accessible(page)

    totp = pyotp.TOTP(TwoFactorDevice.objects.get(user=user).secret)
    enrolment_code = totp.now()
    page.get_by_label("Code from your authenticator app").fill(enrolment_code)
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    page.get_by_role("heading", level=1, name="Your recovery codes").wait_for()
    assert page.locator("ul.recovery-codes li").count() == 8
    assert_accessible(page)
    page.get_by_role("link", name="I have saved the codes: back to my account").click()
    page.wait_for_url("**/en/konto/")
    assert page.get_by_role("link", name="Manage two-factor authentication").is_visible()
    _sign_out(page, live_server)

    _sign_in(page, live_server, "klusterledare@example.org", "/en/konto/")
    page.wait_for_url("**/en/konto/logga-in/kod/")
    assert page.get_by_role("link", name="My account").count() == 0  # not signed in before the code
    assert_accessible(page)

    # The code that confirmed enrolment is spent: replaying it is refused.
    page.get_by_label("Code from your authenticator app").fill(enrolment_code)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/konto/logga-in/kod/")
    assert "The code is wrong or has already been used." in page.get_by_role("alert").inner_text()
    assert_accessible(page)

    # The next 30-second step is newer than the spent one and still inside the accepted window: no waiting.
    page.get_by_label("Code from your authenticator app").fill(totp.at(time.time() + 30))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_server.url + "/en/konto/")
    assert page.get_by_text("Signed in as klusterledare@example.org.").is_visible()
    assert_accessible(page)


def test_an_officer_reads_a_clusters_history_and_looks_up_a_persons_data(live_server, page, assert_accessible):
    cluster = ClusterFactory(
        name="Smålands Trä", slug="smalands-tra", description="Trä från Småland.", regions=[RegionFactory(code="07")]
    )
    ContactPersonFactory(cluster=cluster, name="Karin Kontakt", email="karin@example.org")
    _officer()

    _sign_in(page, live_server, "handlaggare@example.org", "/en/kluster/smalands-tra/")
    page.wait_for_url(live_server.url + "/en/kluster/smalands-tra/")
    page.get_by_role("link", name="Edit profile").click()
    page.wait_for_url("**/en/kluster/smalands-tra/redigera/")
    assert_accessible(page)
    page.get_by_label("Description").fill("Wood from Småland.")
    page.get_by_role("button", name="Save profile").click()
    page.wait_for_url(live_server.url + "/en/kluster/smalands-tra/")
    assert_accessible(page)

    page.get_by_role("link", name="History of changes").click()
    page.wait_for_url("**/en/historik/**")
    assert page.get_by_role("heading", level=1).inner_text() == "History: Smålands Trä"
    newest = page.locator("main section").first
    assert newest.get_by_role("heading", level=2).inner_text().startswith("Changed")
    assert newest.get_by_text("handlaggare@example.org").is_visible()
    change = newest.get_by_role("row", name="Description")
    assert change.get_by_role("cell").all_inner_texts() == ["Trä från Småland.", "Wood from Småland."]
    assert_accessible(page)

    page.get_by_role("banner").get_by_role("link", name="Personal data").click()
    page.wait_for_url("**/en/personer/")
    assert_accessible(page)
    page.get_by_label("E-mail address").fill("Karin@Example.org")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("heading", level=1, name="Personal data held about karin@example.org").wait_for()
    assert page.get_by_role("row", name="Karin Kontakt").is_visible()
    assert page.get_by_role("button", name="Download JSON").is_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Erase…").click()
    page.wait_for_url("**/en/personer/radera/")
    assert page.get_by_role("heading", level=1).inner_text() == "Erase the personal data of karin@example.org?"
    assert page.get_by_text("1 contact-person record is deleted").is_visible()
    assert page.get_by_role("button", name="Erase the personal data").is_visible()
    assert_accessible(page)
    # Only the confirmation was shown: nothing is erased until it is submitted.
    assert ContactPerson.objects.filter(email="karin@example.org").exists()
