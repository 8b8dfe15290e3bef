"""Colleagues invited to edit an application (ApplicationEditor).

The cluster's managers invite by e-mail address while the application is a draft; the e-mail carries a link
(/ansokningar/inbjudan/<token>/). Accepting needs the invited person signed in with that same address: the
invitation then records the account (`user`), and permissions.may_edit lets them fill in, submit and withdraw the
application. The cluster's managers remove an editor at any time (the invitation and its link go with it).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from klusterplattform.core.permissions import check

from .choices import ApplicationStatus
from .models import ApplicationEditor


class InvitationRefused(Exception):
    """The invitation cannot be accepted by this account; `message` says why, `status` is the HTTP answer."""

    def __init__(self, message: str, status: int = 403):
        self.message = message
        self.status = status
        super().__init__(message)


def may_manage_editors(user, application) -> bool:
    """The cluster's managers (not the invited editors themselves)."""
    return bool(check(user, "application.edit", application))


def normalise(email: str) -> str:
    return (email or "").strip().lower()


def invitation_link(editor, base_url: str | None = None) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("calls:application_invitation", args=[editor.token])
    return (base_url or settings.KP_BASE_URL).rstrip("/") + path


def invite(application, user, email: str, base_url: str | None = None) -> ApplicationEditor:
    """Invite `email` to edit the draft and mail the link; inviting the same address again re-sends the link."""
    if not may_manage_editors(user, application):
        raise PermissionDenied(_("Only the cluster's managers invite colleagues to edit the application."))
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(_("Colleagues can be invited while the application is a draft."))
    email = normalise(email)
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid e-mail address.")}) from None
    if email == normalise(getattr(user, "email", "")):
        raise ValidationError({"email": _("You can already edit the application.")})
    # One transaction with the e-mail: if it cannot be sent, no invitation is left that nobody received.
    with transaction.atomic():
        editor, _created = ApplicationEditor.objects.get_or_create(
            application=application, email=email, defaults={"invited_by": user}
        )
        _send(editor, user, base_url)
    return editor


def _send(editor, inviter, base_url) -> None:
    application = editor.application
    context = {
        "application": application,
        "call": application.call,
        "cluster": application.cluster,
        "inviter": getattr(inviter, "full_name", "") or inviter.email,
        "link": invitation_link(editor, base_url),
    }
    subject = " ".join(render_to_string("calls/emails/editor_invitation_subject.txt", context).split())
    body = render_to_string("calls/emails/editor_invitation_body.txt", context)
    send_mail(subject, body, None, [editor.email])


def find(token: str) -> ApplicationEditor | None:
    if not token or len(token) > 64:
        return None
    return (
        ApplicationEditor.objects.select_related("application__call", "application__cluster")
        .filter(token=token)
        .first()
    )


def accept(token: str, user) -> ApplicationEditor:
    """Record `user` as the invited editor; the signed-in address must be the invited one."""
    with transaction.atomic():
        editor = ApplicationEditor.objects.select_for_update().filter(token=token or "").first()
        if editor is None:
            raise InvitationRefused(
                _("This invitation link is not valid, or the invitation has been withdrawn."), status=404
            )
        if normalise(user.email) != editor.email:
            raise InvitationRefused(
                _(
                    "This invitation was sent to %(invited)s, but you are signed in as %(you)s. Sign out and sign in "
                    "with the invited address, or ask for an invitation to your own address."
                )
                % {"invited": editor.email, "you": user.email}
            )
        if editor.user_id and editor.user_id != user.pk:
            raise InvitationRefused(_("This invitation has already been accepted by another account."), status=410)
        if editor.user_id is None:
            editor.user = user
            editor.save(update_fields=["user"])
    return editor


def remove(editor, user) -> None:
    if not may_manage_editors(user, editor.application):
        raise PermissionDenied(_("Only the cluster's managers remove editors."))
    editor.delete()
