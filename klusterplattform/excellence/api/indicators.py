"""The excellence API: the indicator catalogues and their indicators, public, in the request language."""

from datetime import datetime

from django.db.models import Count
from django.http import Http404
from ninja import Field, Query, Router, Schema

from klusterplattform.accounts.api_auth import api_user
from klusterplattform.registry.api.common import in_request_language, page_url_parts
from klusterplattform.registry.api.schemas import ErrorOut
from klusterplattform.registry.models.translated import in_language

from ..catalogue.versions import NEWEST_FIRST, current_catalogue
from ..choices import Area
from ..models import CatalogueVersion
from ..models.catalogue import in_language_dict

router = Router(tags=["excellence"])


class IndicatorOptionOut(Schema):
    code: str
    label: str = Field(description="In the request language.")
    score: float = Field(description="What the option counts for in the benchmark.")


class CatalogueIndicatorOut(Schema):
    code: str
    area: str = Field(description="Area code: " + ", ".join(Area.values) + ".")
    area_name: str
    question: str
    help: str
    answer_type: str = Field(description="number, share, choice, multiple, yes_no, text or evidence.")
    unit: str
    direction: str = Field(description="higher, lower or neutral: which way is better.")
    options: list[IndicatorOptionOut]
    required: bool
    prefill: str | None = Field(description="The registry fact the answer is pre-filled from, or null.")
    maps_to: str | None = Field(description="Code of the indicator of the previous version this one continues.")
    lineage: str = Field(description="Stable across versions: results with the same lineage are comparable.")


class CatalogueIndicators(Schema):
    catalogue: str = Field(description="Code of the catalogue version.")
    name: str
    previous: str | None = Field(description="Code of the version this one replaces.")
    indicators: list[CatalogueIndicatorOut]


class CatalogueVersionOut(Schema):
    code: str
    name: str
    description: str
    previous: str | None
    indicator_count: int
    created_at: datetime
    is_current: bool = Field(description="The newest version, the one new assessments use.")
    url: str = Field(description="The catalogue's public page.")


class CatalogueIndicatorQuery(Schema):
    catalogue: str = Field("", description="Catalogue version code; the current catalogue when empty.")


def _indicator(indicator) -> dict:
    return {
        "code": indicator.code,
        "area": indicator.area,
        "area_name": str(Area(indicator.area).label),
        "question": indicator.question,
        "help": indicator.help,
        "answer_type": indicator.answer_type,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "options": [
            {"code": option["code"], "label": in_language_dict(option), "score": option.get("score", 0)}
            for option in indicator.options
        ],
        "required": indicator.is_required,
        "prefill": indicator.prefill or None,
        "maps_to": indicator.previous.code if indicator.previous_id else None,
        "lineage": indicator.lineage,
    }


@router.get(
    "/indicators",
    response={200: CatalogueIndicators, 401: ErrorOut, 404: ErrorOut},
    summary="Indicators of a catalogue version",
)
@in_request_language
def list_indicators(request, query: Query[CatalogueIndicatorQuery]):
    """The indicators of a catalogue version (the current one by default), in catalogue order, with questions, help,
    units and options in the request language. An unknown catalogue code is a 404."""
    api_user(request)  # a broken token is a 401 even here
    code = query.catalogue.strip()
    version = CatalogueVersion.objects.filter(code=code).first() if code else current_catalogue()
    if version is None:
        raise Http404
    indicators = version.indicators.select_related("previous").order_by("position", "code")
    return {
        "catalogue": version.code,
        "name": version.name,
        "previous": version.previous.code if version.previous_id else None,
        "indicators": [_indicator(indicator) for indicator in indicators],
    }


@router.get(
    "/catalogues", response={200: list[CatalogueVersionOut], 401: ErrorOut}, summary="Indicator catalogue versions"
)
@in_request_language
def list_catalogues(request):
    """Every catalogue version, newest first; the first is the current one."""
    api_user(request)
    versions = (
        CatalogueVersion.objects.select_related("previous")
        .annotate(indicator_count=Count("indicators"))
        .order_by(*NEWEST_FIRST)
    )
    before, after = page_url_parts(request, "excellence:catalogue")
    return [
        {
            "code": version.code,
            "name": version.name,
            "description": in_language(version, "description"),
            "previous": version.previous.code if version.previous_id else None,
            "indicator_count": version.indicator_count,
            "created_at": version.created_at,
            "is_current": index == 0,
            "url": before + version.code + after,
        }
        for index, version in enumerate(versions)
    ]
