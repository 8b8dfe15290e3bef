"""Template tags of the tracking part: `{% call_actions call %}` on the call page.

For each cluster the user may track funding calls for (its managers), the call's fit with its reasons, a bookmark
button and a link to the interest form; for those who see the overview of intentions (officers; regional officers
for their region), how many clusters intend to apply, with a link to the overview.
"""

from django import template
from django.db.models import Q
from django.template.loader import render_to_string

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Scope
from klusterplattform.registry.models import ClusterOrganisation

from ..fit import fit_for
from ..models import FundingInterest
from ..permissions import can, interest_visibility_filter

register = template.Library()


def trackable_clusters(user):
    """The clusters `user` may track funding calls for (funding.track: their own clusters)."""
    if not getattr(user, "is_authenticated", False):
        return ClusterOrganisation.objects.none()
    condition = engine.filter_for(user, "funding.track", {Scope.OWN_CLUSTER: lambda ids: Q(pk__in=ids)})
    return ClusterOrganisation.objects.visible_to(user).filter(condition).prefetch_related("regions")


@register.simple_tag(takes_context=True)
def call_actions(context, call):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or call is None:
        return ""
    clusters = [c for c in trackable_clusters(user) if call.is_demo is False or c.is_demo]
    interests = {
        i.cluster_id: i for i in FundingInterest.objects.filter(call=call, cluster__in=[c.pk for c in clusters])
    }
    entries = [{"cluster": c, "fit": fit_for(c, call), "interest": interests.get(c.pk)} for c in clusters]
    intending = None
    if can(user, "funding.intentions"):
        visible = FundingInterest.objects.filter(interest_visibility_filter(user)).values("pk")
        intending = (
            FundingInterest.objects.filter(pk__in=visible, call=call, intends_to_apply=True)
            .values("cluster_id")
            .distinct()
            .count()
        )
    if not entries and intending is None:
        return ""
    return render_to_string(
        "funding/includes/call_actions.html",
        {"call": call, "entries": entries, "intending": intending, "here": request.get_full_path()},
        request=request,
    )
