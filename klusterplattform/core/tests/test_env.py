import pytest

from klusterplattform.core.env import database_from_url, env_bool, env_int, env_list
from klusterplattform.core.paging import page_count, page_request


def test_database_url_for_postgres_keeps_connections_open(monkeypatch):
    config = database_from_url("postgres://kp:s%40cret@db.example.org:5433/klusterplattform?sslmode=require", "x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PASSWORD"]) == ("klusterplattform", "kp", "s@cret")
    assert (config["HOST"], config["PORT"]) == ("db.example.org", "5433")
    assert config["OPTIONS"] == {"sslmode": "require"}
    assert config["CONN_MAX_AGE"] > 0 and config["CONN_HEALTH_CHECKS"] is True


def test_database_url_defaults_to_the_sqlite_file():
    config = database_from_url("", "var/kp.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "var/kp.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_database_url_with_an_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="mysql"):
        database_from_url("mysql://x@y/z", "x")


def test_typed_env_helpers(monkeypatch):
    monkeypatch.setenv("KP_T_BOOL", "yes")
    monkeypatch.setenv("KP_T_INT", "42")
    monkeypatch.setenv("KP_T_LIST", "a, b,,c")
    assert env_bool("KP_T_BOOL") is True
    assert env_bool("KP_T_MISSING", default=True) is True
    assert env_int("KP_T_INT", 1) == 42
    assert env_list("KP_T_LIST", []) == ["a", "b", "c"]


def test_page_request_coerces_bad_input_and_caps_the_size(settings):
    settings.KP_PAGE_SIZE = 20
    settings.KP_MAX_PAGE_SIZE = 100
    assert page_request("x", "y") == page_request(1, 20)
    assert page_request(-3, 5000).size == 100
    assert page_request(3, 10).offset == 20
    assert page_count(0, 20) == 1 and page_count(41, 20) == 3
