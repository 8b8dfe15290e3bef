"""The cluster directory (the API's hottest endpoint) and a cluster's public profile."""

from django.http import Http404
from ninja import Query, Router

from klusterplattform.accounts.api_auth import api_user
from klusterplattform.core.paging import page_request

from ..filters import ClusterFilter
from ..models import ClusterOrganisation
from .common import in_request_language, json_response, page_envelope, page_url_parts, total_count
from .profile import cluster_profile
from .schemas import ClusterDetail, ClusterPage, ClusterQuery, ErrorOut

router = Router(tags=["clusters"])

LIST_COLUMNS = ("id", "slug", "name", "country", "website", "is_demo")


@router.get("/clusters", response={200: ClusterPage, 401: ErrorOut}, summary="Cluster directory")
@in_request_language
def list_clusters(request, filters: Query[ClusterQuery]):
    """The directory with the same filters as the directory page, paged, with the total count.

    Written lean on purpose (see docs/performance.md): selected columns only, the page's region codes in one more
    query, the count only when the page itself cannot tell it, and JSON written directly instead of validating every
    row through the response model (which documents the shape).
    """
    user = api_user(request)
    params = filters.dict()
    paging = page_request(params["page"], params["page_size"])
    queryset = ClusterFilter.from_params(params).apply(ClusterOrganisation.objects.visible_to(user))
    rows = list(queryset.values_list(*LIST_COLUMNS)[paging.offset : paging.offset + paging.size])
    total = total_count(queryset, paging, len(rows))
    codes = region_codes_of([row[0] for row in rows])
    before, after = page_url_parts(request, "registry:cluster")
    results = [
        {
            "slug": slug,
            "name": name,
            "country": country,
            "regions": codes.get(pk, []),
            "website": website,
            "is_demo": is_demo,
            "url": before + slug + after,
        }
        for pk, slug, name, country, website, is_demo in rows
    ]
    return json_response(page_envelope(total, paging, results))


def region_codes_of(cluster_ids: list[int]) -> dict[int, list[str]]:
    """{cluster id: [region code, …]} for a page of clusters, in one query."""
    if not cluster_ids:
        return {}
    links = ClusterOrganisation.regions.through.objects.filter(clusterorganisation_id__in=cluster_ids)
    codes: dict[int, list[str]] = {}
    for cluster_id, code in links.order_by("region__code").values_list("clusterorganisation_id", "region__code"):
        codes.setdefault(cluster_id, []).append(code)
    return codes


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
