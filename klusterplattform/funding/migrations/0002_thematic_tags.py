"""The three areas of the EU expert group on clusters (green, digital, resilience) as the first thematic tags."""

from django.db import migrations

TAGS = [
    ("green", "Grön omställning", "Green transition", 1),
    ("digital", "Digital omställning", "Digital transition", 2),
    ("resilience", "Motståndskraft", "Resilience", 3),
]


def load(apps, schema_editor):
    ThematicTag = apps.get_model("funding", "ThematicTag")
    for code, name_sv, name_en, position in TAGS:
        ThematicTag.objects.update_or_create(
            code=code, defaults={"name_sv": name_sv, "name_en": name_en, "position": position}
        )


def unload(apps, schema_editor):
    apps.get_model("funding", "ThematicTag").objects.filter(code__in=[t[0] for t in TAGS]).delete()


class Migration(migrations.Migration):
    dependencies = [("funding", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
