"""Reference data: regions with their S3 priority areas, and the taxonomies. Small lists, so not paged."""

from django.http import Http404
from ninja import Field, Query, Router, Schema

from ..models import Ecosystem, Region, SectoralIndustry, TechnologyField
from .common import in_request_language
from .schemas import CodeName, ErrorOut, RegionDetail, RegionOut

router = Router(tags=["reference data"])


class RegionQuery(Schema):
    country: str = Field("", description="ISO 3166-1 alpha-2 country code, e.g. SE.")
    level: str = Field("", description="county, nuts0, nuts1, nuts2 or nuts3.")


def region_data(region) -> dict:
    return {
        "code": region.code,
        "level": region.level,
        "country": region.country,
        "name": region.name,
        "iso_code": region.iso_code,
        "nuts2_code": region.nuts2_code,
        "nuts3_code": region.nuts3_code,
    }


@router.get("/regions", response=list[RegionOut], summary="Regions")
@in_request_language
def list_regions(request, filters: Query[RegionQuery]):
    regions = Region.objects.all()
    if filters.country:
        regions = regions.filter(country=filters.country.upper())
    if filters.level:
        regions = regions.filter(level=filters.level)
    return [region_data(region) for region in regions]


@router.get("/regions/{code}", response={200: RegionDetail, 404: ErrorOut}, summary="Region with its S3 areas")
@in_request_language
def get_region(request, code: str):
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise Http404
    areas = region.s3_areas.prefetch_related("ecosystems").order_by("position", "code")
    return region_data(region) | {
        "nuts2_name": region.nuts2_name,
        "s3_areas": [
            {
                "code": area.code,
                "title": area.title,
                "description": area.description,
                "strategy_name": area.strategy_name,
                "period_start": area.period_start,
                "period_end": area.period_end,
                "nace_codes": [str(code) for code in area.nace_codes or []],
                "ecosystems": [ecosystem.code for ecosystem in area.ecosystems.all()],
                "source_url": area.source_url,
            }
            for area in areas
        ],
    }


def _terms(model) -> list[dict]:
    return [{"code": term.code, "name": term.name} for term in model.objects.all()]


@router.get("/taxonomies/ecosystems", response=list[CodeName], summary="The 14 EU industrial ecosystems")
@in_request_language
def list_ecosystems(request):
    return _terms(Ecosystem)


@router.get("/taxonomies/sectors", response=list[CodeName], summary="The 51 sectoral industries (ECCP/EOCIC)")
@in_request_language
def list_sectors(request):
    return _terms(SectoralIndustry)


@router.get("/taxonomies/technology-fields", response=list[CodeName], summary="Technology fields")
@in_request_language
def list_technology_fields(request):
    return _terms(TechnologyField)
