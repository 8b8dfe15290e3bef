"""A cluster's member register for its managers and programme staff: current members, adding and ending."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klusterplattform.core.permissions import check

from .. import services
from ..forms_cluster import AddMembershipForm, EndMembershipForm
from ..models import Membership
from .cluster_edit import cluster_for, refuse
from .paging import paginate

MAY_NOT_MANAGE = gettext_lazy(
    "Only the cluster organisation's own managers and programme staff may see and change its member register. If "
    "you should be one of them, ask the programme office for access."
)


def add_errors(form, error: ValidationError) -> None:
    """Put a service's errors on the form's fields, and on the form as a whole when it has no such field."""
    for name, messages_ in getattr(error, "message_dict", {"__all__": error.messages}).items():
        form.add_error(name if name in form.fields else None, messages_)


def current_members(cluster):
    """The cluster's current members by name: the register page and its export (list_exports.py) share them."""
    return (
        Membership.objects.active_on()
        .filter(cluster=cluster)
        .select_related("organisation__region")
        .order_by("organisation__sort_name", "pk")
    )


@login_required
def memberships(request, slug):
    cluster, refused = cluster_for(request, slug, "cluster.view_members", MAY_NOT_MANAGE)
    if refused:
        return refused
    may_edit = check(request.user, "cluster.edit_members", cluster).allowed
    if request.method == "POST" and not may_edit:
        return refuse(request, cluster, MAY_NOT_MANAGE)
    form = AddMembershipForm(request.POST or None) if may_edit else None
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.find_organisation(form.cleaned_data["organisation"])
            services.add_membership(cluster, organisation, form.cleaned_data["kind"], form.cleaned_data["joined"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(organisation)s is now recorded as a member of %(cluster)s.")
                % {"organisation": organisation.name, "cluster": cluster.name},
            )
            return redirect("registry:memberships", slug=cluster.slug)
    context = {
        "cluster": cluster,
        "form": form,
        "members": paginate(request, current_members(cluster)),
        "may_edit": may_edit,
    }
    return render(request, "registry/memberships.html", context)


@login_required
def end_membership(request, slug, membership_id: int):
    cluster, refused = cluster_for(request, slug, "cluster.edit_members", MAY_NOT_MANAGE)
    if refused:
        return refused
    membership = get_object_or_404(cluster.memberships.select_related("organisation"), pk=membership_id)
    if membership.left is not None:
        messages.info(
            request,
            _("The membership of %(organisation)s already ended on %(left)s.")
            % {"organisation": membership.organisation.name, "left": membership.left.isoformat()},
        )
        return redirect("registry:memberships", slug=cluster.slug)
    form = EndMembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.end_membership(membership, form.cleaned_data["left"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("The membership of %(organisation)s ends on %(left)s.")
                % {"organisation": membership.organisation.name, "left": membership.left.isoformat()},
            )
            return redirect("registry:memberships", slug=cluster.slug)
    context = {"cluster": cluster, "membership": membership, "form": form}
    return render(request, "registry/memberships_end.html", context)
