"""Member and participant organisations. Personal data for sole traders: never public.

Officers, administrators and staff see every organisation; a cluster manager sees the organisations that are or were
members of their own clusters (the member register keeps history); anyone else gets a 401 or an empty list.
"""

from django.db.models import Q
from ninja import Field, Query, Router, Schema

from klusterplattform.accounts.api_auth import api_user, missing_credentials_error
from klusterplattform.core.paging import page_request
from klusterplattform.core.text import search_terms

from ..permissions import organisations_visible_to
from .common import in_request_language, json_response, page_envelope, total_count
from .schemas import ErrorOut, OrganisationPage

router = Router(tags=["organisations"])

COLUMNS = (
    "key",
    "name",
    "organisation_number",
    "vat_number",
    "country",
    "type",
    "size_class",
    "nace_code",
    "postcode",
    "municipality_code",
    "region__code",
    "website",
    "is_demo",
)


class OrganisationQuery(Schema):
    q: str = Field("", description="Search words in name, organisation number or VAT number.")
    type: str = Field("", description="Organisation type, e.g. sme, research, public_body.")
    region: str = Field("", description="Region code; a NUTS 2 code matches its counties.")
    cluster: str = Field("", description="Cluster slug: its members, present and past.")
    page: int = Field(1, ge=1)
    page_size: int = Field(20, ge=1)


@router.get("/organisations", response={200: OrganisationPage, 401: ErrorOut}, summary="Member organisations")
@in_request_language
def list_organisations(request, filters: Query[OrganisationQuery]):
    user = api_user(request)
    if not user.is_authenticated:
        raise missing_credentials_error()
    paging = page_request(filters.page, filters.page_size)
    queryset = organisations_visible_to(user, filters.cluster.strip())
    for word in search_terms(filters.q):
        queryset = queryset.filter(search_text__contains=word)
    if filters.type:
        queryset = queryset.filter(type=filters.type)
    if filters.region:
        queryset = queryset.filter(Q(region__code=filters.region) | Q(region__nuts2_code=filters.region))
    queryset = queryset.order_by("sort_name", "id")
    rows = list(queryset.values_list(*COLUMNS)[paging.offset : paging.offset + paging.size])
    total = total_count(queryset, paging, len(rows))
    results = [dict(zip(COLUMNS, row, strict=True)) for row in rows]
    for item in results:
        item["region"] = item.pop("region__code")
    return json_response(page_envelope(total, paging, results))
