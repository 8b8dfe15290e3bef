"""Invitation pages: officers invite and revoke on a cluster's invitation list; the invitee accepts by the link."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from klusterplattform.core.exports import Column, list_export
from klusterplattform.core.permissions import check

from . import invitations
from .forms_invitations import AcceptInvitationForm, InvitationForm
from .models import ClusterOrganisation
from .models.invitations import InvitationStatus


def _cluster_for_officer(request, slug) -> ClusterOrganisation:
    # Not "you may not": for anyone without the permission these pages do not exist.
    cluster = get_object_or_404(ClusterOrganisation.objects.visible_to(request.user), slug=slug)
    if not check(request.user, "invitation.create", cluster):
        raise Http404
    return cluster


@login_required
def invitation_list(request, slug):
    cluster = _cluster_for_officer(request, slug)
    form = InvitationForm(request.POST or None, cluster=cluster)
    if request.method == "POST" and form.is_valid():
        invitation, _raw = invitations.invite(
            request.user, form.cleaned_data["email"], cluster, request.build_absolute_uri("/")
        )
        messages.success(request, _("An invitation was sent to %(email)s.") % {"email": invitation.email})
        return redirect("registry:invitations", slug=cluster.slug)
    context = {
        "cluster": cluster,
        "form": form,
        "invitations": list(invitations.invitations_of(cluster)),
        "invitation_days": settings.KP_INVITATION_DAYS,
    }
    return render(request, "registry/invitations/list.html", context)


def _person(user):
    return (user.full_name or user.email) if user else None


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def invitation_columns() -> list[Column]:
    return [
        Column(gettext_lazy("E-mail address"), lambda i: i.email),
        Column(gettext_lazy("Status"), lambda i: i.get_status_display()),
        Column(gettext_lazy("Invited by"), lambda i: _person(i.invited_by)),
        Column(gettext_lazy("Sent"), lambda i: _local(i.created_at)),
        Column(gettext_lazy("Expires"), lambda i: _local(i.expires_at)),
        Column(gettext_lazy("Accepted"), lambda i: _local(i.accepted_at)),
        Column(gettext_lazy("Accepted by"), lambda i: i.accepted_by.email if i.accepted_by else None),
        Column(gettext_lazy("Revoked"), lambda i: _local(i.revoked_at)),
    ]


@login_required
def invitations_export(request, slug, file_format):
    """The invitation list as CSV or XLSX: the same invitations as the page, for the same officers (404 for anyone
    else)."""
    cluster = _cluster_for_officer(request, slug)
    return list_export(
        file_format, f"inbjudningar-{cluster.slug}", invitation_columns(), invitations.invitations_of(cluster)
    )


@login_required
def revoke_invitation(request, slug, invitation_id: int):
    cluster = _cluster_for_officer(request, slug)
    invitation = get_object_or_404(cluster.invitations, pk=invitation_id)
    if invitation.status != InvitationStatus.PENDING:
        messages.info(request, _("The invitation to %(email)s is no longer pending.") % {"email": invitation.email})
        return redirect("registry:invitations", slug=cluster.slug)
    if request.method == "POST":
        invitations.revoke(invitation)
        messages.success(request, _("The invitation to %(email)s is revoked.") % {"email": invitation.email})
        return redirect("registry:invitations", slug=cluster.slug)
    return render(request, "registry/invitations/revoke.html", {"cluster": cluster, "invitation": invitation})


def _private(response):
    # The token is in the address: no Referer may carry it to another page or site.
    response.headers["Referrer-Policy"] = "strict-origin"
    # Django logs the path of every 4xx answer ("Gone: /inbjudan/<token>/"); the token must not reach the logs.
    response._has_been_logged = True
    return response


@sensitive_variables("token")
@sensitive_post_parameters("password1", "password2")
@never_cache
def accept_invitation(request, token):
    try:
        invitation = invitations.find(token)
    except invitations.InvitationUnusable as unusable:
        return _unusable(request, unusable)
    existing = invitations.existing_account(invitation)
    form = AcceptInvitationForm(request.POST or None, needs_password=existing is None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept(
                token, form.cleaned_data.get("password1", ""), form.cleaned_data.get("full_name", "")
            )
        except invitations.InvitationUnusable as unusable:
            return _unusable(request, unusable)
        except ValidationError as error:
            form.add_error("password1", error)
        else:
            return _private(_welcome(request, user, invitation.cluster, new_account=existing is None))
    context = {"invitation": invitation, "cluster": invitation.cluster, "form": form, "existing": existing}
    return _private(render(request, "registry/invitations/accept.html", context))


def _welcome(request, user, cluster, new_account: bool):
    if new_account:
        login(request, user, backend=settings.AUTHENTICATION_BACKENDS[0])
        messages.success(request, _("Welcome! You now manage %(cluster)s.") % {"cluster": cluster.name})
        return redirect(cluster.get_absolute_url())
    # The link proves access to the mailbox, not knowledge of the account's password: sign in as usual.
    messages.success(
        request,
        _("You now manage %(cluster)s. Sign in with your existing password.") % {"cluster": cluster.name},
    )
    return redirect_to_login(cluster.get_absolute_url())


def _unusable(request, unusable):
    context = {"reason": unusable.reason, "message": unusable.message}
    return _private(render(request, "registry/invitations/unusable.html", context, status=unusable.status))
