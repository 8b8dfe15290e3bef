"""Loads the default focus areas (the S3 pilot's four) and their indicators in the kp-2026 catalogue."""

import json
from pathlib import Path

from django.db import migrations

CATALOGUE = "kp-2026"
SOURCE = Path(__file__).resolve().parent.parent / "default_focus_areas.json"


def load(apps, schema_editor):
    FocusArea = apps.get_model("activities", "FocusArea")
    FocusAreaIndicator = apps.get_model("activities", "FocusAreaIndicator")
    data = json.loads(SOURCE.read_text(encoding="utf-8"))
    for position, entry in enumerate(data["focus_areas"], start=1):
        fields = {key: entry[key] for key in ("name_sv", "name_en", "description_sv", "description_en", "themes_sv", "themes_en")}
        area, _ = FocusArea.objects.update_or_create(programme=None, code=entry["code"], defaults={**fields, "position": position})
        for code in entry["indicators"]:
            FocusAreaIndicator.objects.get_or_create(focus_area=area, lineage=f"{CATALOGUE}:{code}")


def unload(apps, schema_editor):
    apps.get_model("activities", "FocusArea").objects.filter(programme=None).delete()


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial"), ("excellence", "0004_default_catalogue")]

    operations = [migrations.RunPython(load, unload)]
