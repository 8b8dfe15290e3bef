"""The two peers the member import is measured against (docs/performance.md, "Member import").

(b) the floor: plain `bulk_create(update_conflicts=True)` of rows already built in memory;
(c) django-import-export 4.x doing the same upsert: `ModelResource` keyed on `key`, `use_bulk`, the cached instance
    loader (one query for all keys), `skip_diff`, and the region resolved from a cached dictionary, not a query per row.
"""

import tablib
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader

from klusterplattform.registry.importing.writer import BATCH_SIZE
from klusterplattform.registry.models import Organisation, Region

FLOOR_UPDATE_FIELDS = [
    "name",
    "type",
    "organisation_number",
    "vat_number",
    "size_class",
    "nace_code",
    "country",
    "website",
    "postcode",
    "municipality_code",
    "region",
    "is_demo",
    "search_text",
    "sort_name",
    "updated_at",
]


def floor_upsert(organisations: list[Organisation]) -> None:
    Organisation.objects.bulk_create(
        organisations,
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=FLOOR_UPDATE_FIELDS,
        batch_size=BATCH_SIZE,
    )


class CachedRegionWidget(widgets.ForeignKeyWidget):
    """ForeignKeyWidget runs a query per row; a fair peer looks regions up in a dictionary, as ours does."""

    def __init__(self):
        super().__init__(Region, field="code")
        self.by_code = {region.code: region for region in Region.objects.all()}

    def clean(self, value, row=None, **kwargs):
        return self.by_code.get(value) if value else None


def organisation_resource():
    class OrganisationResource(resources.ModelResource):
        region = fields.Field(attribute="region", column_name="region", widget=CachedRegionWidget())

        class Meta:
            model = Organisation
            fields = (
                "key",
                "organisation_number",
                "name",
                "type",
                "size_class",
                "nace_code",
                "postcode",
                "municipality_code",
                "region",
                "country",
                "website",
            )
            import_id_fields = ["key"]
            use_bulk = True
            batch_size = BATCH_SIZE
            skip_diff = True
            instance_loader_class = CachedInstanceLoader

        def before_save_instance(self, instance, row, **kwargs):
            instance.refresh_derived()  # bulk writes skip save(), which computes search_text and sort_name

    return OrganisationResource()


def import_export_upsert(csv_text: str) -> int:
    dataset = tablib.Dataset().load(csv_text, format="csv")
    dataset.append_col(lambda row: "SE:" + row[0], header="key")  # the stable key, as ours derives it
    result = organisation_resource().import_data(dataset, raise_errors=True, use_transactions=True)
    if result.has_errors() or result.has_validation_errors():
        raise RuntimeError("django-import-export reported errors")
    return result.totals["new"] + result.totals["update"]
