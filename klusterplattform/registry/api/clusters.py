"""The cluster directory (the API's hottest endpoint) and a cluster's public profile."""

from django.http import Http404
from ninja import Query, Router

from klusterplattform.accounts.api_auth import api_user
from klusterplattform.core.paging import page_request

from ..filters import ClusterFilter
from ..models import ClusterOrganisation
from .common import in_request_language, json_response, page_envelope, page_url_parts
from .directory import fetch_page, region_codes_of
from .profile import cluster_profile
from .schemas import ClusterDetail, ClusterPage, ClusterQuery, ErrorOut

router = Router(tags=["clusters"])


@router.get("/clusters", response={200: ClusterPage, 401: ErrorOut}, summary="Cluster directory")
@in_request_language
def list_clusters(request, filters: Query[ClusterQuery]):
    """The directory with the same filters as the directory page, paged, with the total count.

    Written lean on purpose (see docs/performance.md and directory.py): selected columns only, a cheap total, the
    page's region codes in one more query, and JSON written directly instead of validating every row through the
    response model (which documents the shape).
    """
    user = api_user(request)
    params = filters.model_dump()
    paging = page_request(params["page"], params["page_size"])
    cluster_filter = ClusterFilter.from_params(params)
    queryset = cluster_filter.apply(ClusterOrganisation.objects.visible_to(user))
    rows, total = fetch_page(queryset, cluster_filter, paging)
    codes = region_codes_of([row[0] for row in rows])
    before, after = page_url_parts(request, "registry:cluster")
    results = [
        {
            "slug": slug,
            "name": name,
            "country": country,
            "regions": codes.get(pk, []),
            "website": website,
            "is_demo": bool(is_demo),  # SQLite returns 0 or 1
            "url": before + slug + after,
        }
        for pk, slug, name, country, website, is_demo, *_total in rows
    ]
    return json_response(page_envelope(total, paging, results))


@router.get("/clusters/{slug}", response={200: ClusterDetail, 401: ErrorOut, 404: ErrorOut}, summary="Cluster profile")
@in_request_language
def get_cluster(request, slug: str):
    """A cluster's public profile: facts, taxonomies, member counts by type, the ECCP checklist, labels, programmes.

    An unknown cluster and one the caller may not see are the same 404.
    """
    user = api_user(request)
    cluster = ClusterOrganisation.objects.visible_to(user).filter(slug=slug).first()
    if cluster is None:
        raise Http404
    return cluster_profile(request, cluster, user)
