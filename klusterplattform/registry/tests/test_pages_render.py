"""Every public page renders in Swedish (no prefix) and English (/en/), with one h1, a title and the demo badge."""

import re

import pytest

from .factories import (
    ClusterFactory,
    EcosystemFactory,
    LabelFactory,
    MembershipFactory,
    ProgrammeFactory,
    RegionFactory,
    RoleGrantFactory,
    S3PriorityAreaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry():
    county = RegionFactory(code="23", name_sv="Jämtlands län", name_en="Jämtland County", nuts3_code="SE322")
    S3PriorityAreaFactory(region=county, title_sv="Hållbar turism", title_en="Sustainable tourism")
    ecosystem = EcosystemFactory(code="tourism", name_sv="Turism", name_en="Tourism")
    cluster = ClusterFactory(
        name="Östersund Kluster", slug="ostersund-kluster", regions=[county], ecosystems=[ecosystem]
    )
    demo = ClusterFactory(name="Demo Cluster Lyon", slug="demo-lyon", country="FR", is_demo=True)
    MembershipFactory(cluster=cluster)
    LabelFactory(cluster=cluster, level="silver")
    ProgrammeFactory(slug="s3-piloten", name_sv="S3-piloten", name_en="The S3 pilot", clusters=[cluster])
    ProgrammeFactory(slug="demo-programme", is_demo=True, clusters=[demo])
    return {"cluster": cluster, "demo": demo, "county": county}


PAGES = [
    "/",
    "/kluster/",
    "/kluster/ostersund-kluster/",
    "/kluster/demo-lyon/",
    "/regioner/",
    "/regioner/23/",
    "/program/",
    "/program/s3-piloten/",
    "/program/demo-programme/",
]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("prefix, language", [("", "sv"), ("/en", "en")])
def test_every_page_renders_with_one_h1_and_a_title_in_both_languages(client, registry, path, prefix, language):
    response = client.get(prefix + path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert re.search(r"<title>[^<]+ – Klusterplattform</title>", html)
    assert '<main id="main"' in html and 'href="#main"' in html


def test_the_language_switch_links_to_the_same_page_in_the_other_language(client, registry):
    swedish = client.get("/kluster/ostersund-kluster/?x=1").content.decode()
    english = client.get("/en/kluster/ostersund-kluster/").content.decode()
    assert 'href="/en/kluster/ostersund-kluster/?x=1" lang="en" hreflang="en"' in swedish
    assert 'href="/kluster/ostersund-kluster/" lang="sv" hreflang="sv"' in english


def test_english_pages_link_within_english(client, registry):
    html = client.get("/en/kluster/").content.decode()
    assert 'href="/en/kluster/ostersund-kluster/"' in html
    assert 'href="/en/regioner/"' in html


def test_demo_objects_carry_the_demo_badge_and_real_ones_do_not(client, registry):
    demo_page = client.get("/kluster/demo-lyon/").content.decode()
    real_page = client.get("/kluster/ostersund-kluster/").content.decode()
    assert 'class="badge badge-demo"' in demo_page
    assert 'class="badge badge-demo"' not in real_page
    directory = client.get("/kluster/").content.decode()
    assert directory.count('class="badge badge-demo"') == 1


def test_the_start_page_counts_real_and_demo_clusters_apart(client, registry):
    ClusterFactory(is_demo=True)
    ClusterFactory(is_published=False)
    response = client.get("/")
    assert response.context["figures"]["real_clusters"] == 1
    assert response.context["figures"]["demo_clusters"] == 2
    assert response.context["figures"]["real_regions"] == 1
    assert 'href="/program/s3-piloten/"' in response.content.decode()


def test_the_start_page_works_before_any_data_is_loaded(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["s3_pilot"] is None


@pytest.mark.parametrize(
    "path", ["/kluster/no-such-cluster/", "/regioner/99/", "/program/no-such-programme/", "/en/kluster/nope/"]
)
def test_unknown_objects_are_404(client, registry, path):
    assert client.get(path).status_code == 404


def test_user_text_is_escaped_with_line_breaks_kept(client):
    ClusterFactory(slug="x", description="<script>alert(1)</script>\nRad två")
    html = client.get("/kluster/x/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Rad två" in html


def test_officers_see_links_to_the_admin_and_the_import_page(client, registry):
    officer = RoleGrantFactory(role="officer", user__is_staff=True).user  # grant_role sets is_staff for officers
    client.force_login(officer)
    html = client.get("/").content.decode()
    assert 'href="/admin/"' in html and 'href="/organisationer/import/"' in html


def test_the_public_sees_no_admin_link(client, registry):
    assert 'href="/admin/"' not in client.get("/").content.decode()


def test_a_missing_page_uses_the_site_layout_in_the_visitors_language(client):
    response = client.get("/en/kluster/no-such-cluster/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="en">' in html and 'href="/en/kluster/"' in html


def test_the_server_error_page_renders_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "<h1>" in html and 'href="/static/kp/site.css"' in html
