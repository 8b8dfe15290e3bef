"""The security baseline every response carries, and a clean `check --deploy` with production settings."""

import os
import re
import subprocess
import sys

import pytest

PAGES = ["/", "/kluster/", "/en/kluster/", "/regioner/", "/program/", "/api/v1/clusters", "/api/v1/docs"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in response.headers["Permissions-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", [p for p in PAGES if not p.startswith("/api/v1/clusters")])
def test_pages_have_no_inline_scripts_or_style_attributes_the_policy_would_block(client, path):
    html = client.get(path).content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"\sstyle=\"", html)
    assert not re.search(r"\son(click|load|submit|change)=", html)


@pytest.mark.django_db
def test_behind_tls_browsers_are_told_to_stay_on_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in client.get("/").headers  # never over plain http


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k8#Vq!2mZ" * 8,
    "ALLOWED_HOSTS": "kluster.example.org",
    "BEHIND_TLS_PROXY": "1",
    "SECURE_SSL_REDIRECT": "1",
    "SECURE_HSTS_PRELOAD": "1",
}


def test_check_deploy_is_clean_with_production_settings():
    test_only = {"KP_ALLOW_DEV_SECRET", "SECURE_COOKIES", "DJANGO_ALLOW_ASYNC_UNSAFE"}  # set by the test harness
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    result = subprocess.run(
        [sys.executable, "-m", "klusterplattform", "check", "--deploy", "--fail-level", "WARNING"],
        env={**env, **PRODUCTION},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("url", ["/api/v1/regions?level=%00", "/api/v1/clusters?q=a%00b", "/api/v1/audit?object=%00"])
def test_a_null_character_in_an_api_parameter_is_a_422_naming_it(client, db, url):
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_a_null_character_in_a_page_address_is_a_400_and_ordinary_queries_still_work(client, db):
    assert client.get("/kluster/?q=%00").status_code == 400
    assert client.get("/kluster/?q=a").status_code == 200


@pytest.mark.parametrize(
    "url", ["/api/v1/regions/%00", "/regioner/%00/", "/historik/registry.clusterorganisation:1%00/"]
)
def test_a_null_character_in_a_path_is_not_found(client, db, url):
    assert client.get(url).status_code == 404


def test_every_post_form_in_every_template_carries_the_csrf_token():
    import re
    from pathlib import Path

    import klusterplattform

    root = Path(klusterplattform.__file__).parent / "templates"
    forms = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)
    include = re.compile(r"{% include \"([^\"]+)\"[^%]*%}")

    def expanded(text):  # a form may get its token from an included partial
        return include.sub(lambda m: (root / m.group(1)).read_text(encoding="utf-8"), text)

    checked, missing = 0, []
    for template in root.rglob("*.html"):
        for body in forms.findall(expanded(template.read_text(encoding="utf-8"))):
            checked += 1
            if "{% csrf_token %}" not in body:
                missing.append(str(template.relative_to(root)))
    assert checked >= 10 and not missing, missing
