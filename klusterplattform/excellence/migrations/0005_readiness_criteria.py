"""Loads the default label-readiness criteria from excellence/readiness_defaults.json.

They are Klusterplattform's own defaults (the official Baseline requirements and Gold thresholds are not public):
6 Bronze eligibility criteria, 2 Silver facts + 18 minimum requirements, 31 Gold criteria worth 150 points.
Officers change them in the admin; a criterion that already exists (level and code) is left as it is.
"""

import json
from pathlib import Path

from django.db import migrations

DEFAULTS_FILE = Path(__file__).resolve().parent.parent / "readiness_defaults.json"
FIELDS = (
    "position",
    "text_sv",
    "text_en",
    "source",
    "fact",
    "indicator_lineage",
    "threshold",
    "points",
    "requires_evidence",
)


def load_criteria(apps, schema_editor):
    criterion = apps.get_model("excellence", "ReadinessCriterion")
    data = json.loads(DEFAULTS_FILE.read_text(encoding="utf-8"))
    for item in data["criteria"]:
        criterion.objects.get_or_create(
            level=item["level"], code=item["code"], defaults={name: item[name] for name in FIELDS}
        )


class Migration(migrations.Migration):
    dependencies = [("excellence", "0004_default_catalogue")]
    # Reversing keeps the rows: deleting them would cascade to the clusters' declarations.
    operations = [migrations.RunPython(load_criteria, migrations.RunPython.noop)]
