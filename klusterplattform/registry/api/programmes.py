"""Programmes and the clusters taking part in them, as far as the caller may see both."""

from django.http import Http404
from ninja import Router

from klusterplattform.accounts.api_auth import api_user

from ..models import ClusterOrganisation, Programme
from .common import in_request_language, page_url_parts
from .schemas import ErrorOut, ProgrammeDetail, ProgrammeOut

router = Router(tags=["programmes"])


def programme_data(programme, url_parts) -> dict:
    before, after = url_parts
    return {
        "slug": programme.slug,
        "name": programme.name,
        "owner": programme.owner,
        "starts_on": programme.starts_on,
        "ends_on": programme.ends_on,
        "website": programme.website,
        "is_demo": programme.is_demo,
        "url": before + programme.slug + after,
    }


@router.get("/programmes", response={200: list[ProgrammeOut], 401: ErrorOut}, summary="Programmes")
@in_request_language
def list_programmes(request):
    url_parts = page_url_parts(request, "registry:programme")
    return [programme_data(p, url_parts) for p in Programme.objects.visible_to(api_user(request))]


@router.get("/programmes/{slug}", response={200: ProgrammeDetail, 401: ErrorOut, 404: ErrorOut}, summary="Programme")
@in_request_language
def get_programme(request, slug: str):
    """A programme with its participating clusters (selected date, status); unknown or unpublished is a 404."""
    user = api_user(request)
    programme = Programme.objects.visible_to(user).filter(slug=slug).first()
    if programme is None:
        raise Http404
    participations = (
        programme.participations.filter(cluster__in=ClusterOrganisation.objects.visible_to(user))
        .select_related("cluster")
        .order_by("cluster__sort_name", "cluster__id")
    )
    before, after = page_url_parts(request, "registry:cluster")
    clusters = [
        {
            "slug": p.cluster.slug,
            "name": p.cluster.name,
            "selected_on": p.selected_on,
            "status": p.status,
            "url": before + p.cluster.slug + after,
        }
        for p in participations
    ]
    return programme_data(programme, page_url_parts(request, "registry:programme")) | {
        "description": programme.description,
        "clusters": clusters,
    }
