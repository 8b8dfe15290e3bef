"""Invited editors: the cluster's managers invite colleagues by e-mail and remove them; the invited person accepts
the link signed in with the invited address. The rules are in ../editors.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import editors
from ..forms_applications import InviteForm
from .common import refuse, visible_application


@login_required
def application_editors(request, pk):
    application = visible_application(request, pk)
    if not editors.may_manage_editors(request.user, application):
        return refuse(request, _("Only the cluster's managers invite colleagues."), application=application)
    form = InviteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            editor = editors.invite(
                application, request.user, form.cleaned_data["email"], request.build_absolute_uri("/")
            )
        except PermissionDenied as denied:
            return refuse(request, str(denied), application=application)
        except ValidationError as error:
            form.add_error("email" if hasattr(error, "error_dict") else None, error.messages)
        else:
            messages.success(request, _("An invitation is sent to %(email)s.") % {"email": editor.email})
            return redirect("calls:application_editors", pk=application.pk)
    context = {"application": application, "form": form, "editors": list(application.editors.select_related("user"))}
    return render(request, "calls/application_editors.html", context)


@login_required
def application_editor_remove(request, pk, editor_id):
    application = visible_application(request, pk)
    editor = get_object_or_404(application.editors.all(), pk=editor_id)
    if not editors.may_manage_editors(request.user, application):
        return refuse(request, _("Only the cluster's managers remove editors."), application=application)
    if request.method == "POST":
        editors.remove(editor, request.user)
        messages.success(request, _("%(email)s can no longer edit the application.") % {"email": editor.email})
        return redirect("calls:application_editors", pk=application.pk)
    return render(request, "calls/application_editor_remove.html", {"application": application, "editor": editor})


@login_required
def application_invitation(request, token):
    editor = editors.find(token)
    if editor is None:
        return refuse(request, _("This invitation link is not valid, or the invitation has been withdrawn."), 404)
    if request.method == "POST":
        try:
            editors.accept(token, request.user)
        except editors.InvitationRefused as refused:
            return refuse(request, refused.message, refused.status)
        messages.success(request, _("You can now edit the application."))
        return redirect(editor.application)
    wrong_address = editors.normalise(request.user.email) != editor.email
    context = {"editor": editor, "application": editor.application, "wrong_address": wrong_address}
    return render(request, "calls/application_invitation.html", context, status=403 if wrong_address else 200)
