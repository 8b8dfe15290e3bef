"""klusterplattform catalogue_export and catalogue_import on the command line."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from klusterplattform.excellence.catalogue.io import export_catalogue
from klusterplattform.excellence.models import CatalogueVersion, Indicator
from klusterplattform.excellence.tests.test_catalogue_io import document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_export_writes_the_version_to_standard_output():
    out = io.StringIO()
    call_command("catalogue_export", "kp-2026", stdout=out)
    assert json.loads(out.getvalue()) == export_catalogue(CatalogueVersion.objects.get(code="kp-2026"))


def test_export_writes_to_a_file(tmp_path):
    target = tmp_path / "catalogue.json"
    call_command("catalogue_export", "kp-2026", output=str(target), stderr=io.StringIO())
    assert json.loads(target.read_text(encoding="utf-8"))["code"] == "kp-2026"


def test_export_of_an_unknown_version_fails_and_names_the_known_ones():
    with pytest.raises(CommandError, match="no catalogue version nope.*kp-2026"):
        call_command("catalogue_export", "nope")


def test_import_creates_the_new_version(tmp_path):
    source = tmp_path / "new.json"
    source.write_text(json.dumps(document()), encoding="utf-8")
    out = io.StringIO()
    call_command("catalogue_import", str(source), stdout=out)
    assert "Imported catalogue version new-version with 2 indicators" in out.getvalue()
    assert CatalogueVersion.objects.get(code="new-version").indicators.count() == 2


def test_import_lists_every_problem_fails_and_writes_nothing(tmp_path):
    data = document(format_version=5)
    data["indicators"][0]["direction"] = "sideways"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    err = io.StringIO()
    counts = (CatalogueVersion.objects.count(), Indicator.objects.count())
    with pytest.raises(CommandError, match="2 problem"):
        call_command("catalogue_import", str(source), stderr=err)
    assert "format_version: Must be 1." in err.getvalue()
    assert "indicators[0].direction: Unknown value" in err.getvalue()
    assert (CatalogueVersion.objects.count(), Indicator.objects.count()) == counts


def test_import_of_a_file_that_is_not_json_fails_clearly(tmp_path):
    source = tmp_path / "broken.json"
    source.write_text("{", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("catalogue_import", str(source))


def test_import_of_a_missing_file_fails(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("catalogue_import", str(tmp_path / "missing.json"))


def test_the_import_exits_non_zero_on_error(tmp_path, capsys):
    from django.core.management import execute_from_command_line

    with pytest.raises(SystemExit) as exited:
        execute_from_command_line(["klusterplattform", "catalogue_import", str(tmp_path / "missing.json")])
    assert exited.value.code != 0
