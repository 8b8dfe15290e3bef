from django.db import migrations

# Defaults from DOMAIN.md 1.3 (Bronze), 1.5 (Silver) and 1.6 (Gold); officers can change them in the admin.
RULES = [
    ("bronze", 24, 12, 36, "First Bronze valid 2 years from the month of the interview; renewable up to 1 year after "
     "expiry, which extends validity seamlessly by 3 years. https://www.cluster-analysis.org/benchmarked-clusters"),
    ("silver", 24, 12, 24, "First Silver valid 2 years from the month of assessment; renewable up to 1 year after "
     "expiry. The source's text on the extension is truncated: 2 years is this platform's assumption. "
     "https://www.cluster-analysis.org/silver-label"),
    ("gold", 24, 12, 24, "Gold valid about 2 years; renewal re-assesses all 31 indicators. "
     "https://www.gceocean.no/about-us/cluster-management-excellence/"),
]


def add_rules(apps, schema_editor):
    rule = apps.get_model("excellence", "LabelRule")
    for level, first, grace, extension, note in RULES:
        rule.objects.update_or_create(
            level=level,
            defaults={
                "first_validity_months": first,
                "renewal_grace_months": grace,
                "renewal_extension_months": extension,
                "note": note,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("excellence", "0002_assessments")]
    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
