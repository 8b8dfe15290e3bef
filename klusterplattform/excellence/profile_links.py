"""The excellence module's links on a cluster's profile (registered in apps.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from klusterplattform.core.permissions import check


def cluster_links(request, cluster) -> list[tuple[str, str]]:
    links = []
    user = request.user
    if check(user, "label.view", cluster):
        links.append((_("Official labels"), reverse("excellence:cluster_labels", args=[cluster.slug])))
    if check(user, "readiness.view", cluster):
        links.append((_("Label readiness (estimate)"), reverse("excellence:readiness", args=[cluster.slug])))
    if check(user, "assessment.start", cluster) or check(user, "assessment.view", cluster):
        links.append((_("Self-assessments"), reverse("excellence:assessments") + f"?cluster={cluster.slug}"))
    return links
