"""Editing a cluster's profile: its own managers, programme officers and administrators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klusterplattform.core.permissions import check

from .. import services
from ..forms_cluster import ClusterProfileForm
from ..models import ClusterOrganisation

MAY_NOT_EDIT = gettext_lazy(
    "Only the cluster organisation's own managers and programme staff may edit its profile. If you should be one "
    "of them, ask the programme office for access."
)


def cluster_for(request, slug, action: str, refusal):
    """(cluster, None) when the user may do `action` to the cluster, else (None, a response): a cluster the user
    cannot see is a 404 (it does not exist for them), one they see but may not change is the refusal page."""
    # Regions prefetched: every permission check on the cluster reads them.
    clusters = ClusterOrganisation.objects.visible_to(request.user).prefetch_related("regions")
    cluster = get_object_or_404(clusters, slug=slug)
    if check(request.user, action, cluster):
        return cluster, None
    return None, refuse(request, cluster, refusal)


def refuse(request, cluster, explanation):
    return render(request, "403.html", {"cluster": cluster, "explanation": explanation}, status=403)


@login_required
def cluster_edit(request, slug):
    cluster, refused = cluster_for(request, slug, "cluster.edit", MAY_NOT_EDIT)
    if refused:
        return refused
    saved_name = cluster.name  # the form writes what was typed into the instance, valid or not
    may_publish = services.may_publish(request.user, cluster)
    form = ClusterProfileForm(request.POST or None, instance=cluster, may_publish=may_publish)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_cluster_profile(cluster, form.changes(), user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if form.has_changed():
                messages.success(request, _("The profile of %(cluster)s is saved.") % {"cluster": cluster.name})
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect(cluster.get_absolute_url())
    return render(request, "registry/cluster_edit.html", {"cluster": cluster, "name": saved_name, "form": form})
