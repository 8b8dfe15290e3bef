"""Loads the default indicator catalogue "kp-2026" from excellence/catalogue/default_catalogue.json.

Historical models do not run Indicator.save(), so the lineage ("kp-2026:<code>") is set here explicitly.
"""

import json
from decimal import Decimal
from pathlib import Path

from django.db import migrations

CATALOGUE_FILE = Path(__file__).resolve().parent.parent / "catalogue" / "default_catalogue.json"
CODE = "kp-2026"


def _decimal(value):
    return None if value is None else Decimal(str(value))


def load_catalogue(apps, schema_editor):
    version_model = apps.get_model("excellence", "CatalogueVersion")
    indicator_model = apps.get_model("excellence", "Indicator")
    if version_model.objects.filter(code=CODE).exists():
        return
    data = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    version = version_model.objects.create(
        code=data["code"],
        name_sv=data["name_sv"],
        name_en=data["name_en"],
        description_sv=data["description_sv"],
        description_en=data["description_en"],
    )
    indicator_model.objects.bulk_create(
        [
            indicator_model(
                catalogue=version,
                code=item["code"],
                area=item["area"],
                position=item["position"],
                question_sv=item["question_sv"],
                question_en=item["question_en"],
                help_sv=item["help_sv"],
                help_en=item["help_en"],
                answer_type=item["answer_type"],
                unit_sv=item["unit_sv"],
                unit_en=item["unit_en"],
                direction=item["direction"],
                options=item["options"],
                minimum=_decimal(item["minimum"]),
                maximum=_decimal(item["maximum"]),
                is_required=item["is_required"],
                prefill=item["prefill"],
                lineage=f"{data['code']}:{item['code']}",
            )
            for item in data["indicators"]
        ]
    )


def remove_catalogue(apps, schema_editor):
    """Deletes the catalogue only when no round or assessment uses it: results must keep their indicators."""
    version_model = apps.get_model("excellence", "CatalogueVersion")
    version = version_model.objects.filter(code=CODE).first()
    if version is None:
        return
    used = (
        apps.get_model("excellence", "Assessment").objects.filter(catalogue=version).exists()
        or apps.get_model("excellence", "AssessmentRound").objects.filter(catalogue=version).exists()
    )
    if not used:
        version.indicators.all().delete()
        version.delete()


class Migration(migrations.Migration):
    dependencies = [("excellence", "0003_label_rules")]
    operations = [migrations.RunPython(load_catalogue, remove_catalogue)]
