"""Inviting cluster managers by e-mail (a service: the pages and the admin call it).

The link carries a random token; only its hash is stored, so a copy of the database cannot be used to accept an
invitation. A link works once, until it expires (settings.KP_INVITATION_DAYS) or an officer revokes it.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.accounts.audit import audit_context, current_channel_and_actor
from klusterplattform.accounts.models import hash_token

from .choices import Role
from .grants import grant_role
from .models import Invitation
from .models.invitations import InvitationStatus


class InvitationUnusable(Exception):
    """The link cannot be used: `reason` is expired, accepted, revoked or unknown; `status` the HTTP answer."""

    def __init__(self, reason: str):
        self.reason = reason
        self.status = 404 if reason == "unknown" else 410
        super().__init__(reason)

    @property
    def message(self) -> str:
        if self.reason == InvitationStatus.EXPIRED:
            return _("This invitation has expired. Ask the person who invited you to send a new one.")
        if self.reason == InvitationStatus.ACCEPTED:
            return _("This invitation has already been used. Sign in with your e-mail address.")
        if self.reason == InvitationStatus.REVOKED:
            return _("This invitation has been withdrawn. Ask the person who invited you.")
        return _("This invitation link is not valid. Check that you copied the whole link.")


def normalise_email(email: str) -> str:
    # The same form User.objects.create_user stores, so an invitation finds an existing account.
    return get_user_model().objects.normalize_email((email or "").strip()).lower()


def existing_account(invitation: Invitation):
    return get_user_model().objects.filter(email__iexact=invitation.email).first()


def invite(invited_by, email: str, cluster, base_url: str) -> tuple[Invitation, str]:
    """Create an invitation and mail its link; a pending invitation of the same address to the cluster is revoked."""
    email = normalise_email(email)
    validate_email(email)
    raw = secrets.token_urlsafe(32)
    # One transaction with the e-mail: if it cannot be sent, no invitation is left behind that nobody received.
    with transaction.atomic():
        for old in Invitation.objects.pending().filter(cluster=cluster, email=email):
            revoke(old)
        invitation = Invitation.objects.create(
            email=email,
            cluster=cluster,
            invited_by=invited_by,
            token_hash=hash_token(raw),
            expires_at=timezone.now() + timedelta(days=settings.KP_INVITATION_DAYS),
        )
        _send(invitation, base_url.rstrip("/") + reverse("registry:invitation_accept", args=[raw]))
    return invitation, raw


def _send(invitation: Invitation, link: str) -> None:
    context = {
        "cluster": invitation.cluster,
        "inviter": invitation.invited_by.full_name or invitation.invited_by.email,
        "link": link,
        "expires_at": invitation.expires_at,
    }
    subject = " ".join(render_to_string("registry/emails/invitation_subject.txt", context).split())
    body = render_to_string("registry/emails/invitation_body.txt", context)
    send_mail(subject, body, None, [invitation.email])


def find(raw_token: str) -> Invitation:
    """The pending invitation behind a raw token, or InvitationUnusable saying why not."""
    invitation = Invitation.objects.select_related("cluster").filter(token_hash=hash_token(raw_token or "")).first()
    return _usable(invitation)


def _usable(invitation) -> Invitation:
    if invitation is None:
        raise InvitationUnusable("unknown")
    if invitation.status != InvitationStatus.PENDING:
        raise InvitationUnusable(invitation.status)
    return invitation


def accept(raw_token: str, password: str, full_name: str = ""):
    """Accept an invitation: make the account (or use the existing one, whose password stays), grant the role.

    Raises InvitationUnusable for a link that cannot be used and ValidationError for a password the validators
    refuse; either way nothing is written.
    """
    User = get_user_model()
    with transaction.atomic():
        # Locking the row makes a second, simultaneous use of the same link wait and then find it used.
        invitation = _usable(
            Invitation.objects.select_for_update()
            .select_related("cluster")
            .filter(token_hash=hash_token(raw_token or ""))
            .first()
        )
        user = existing_account(invitation)
        if user is None:
            user = User(email=invitation.email, full_name=(full_name or "").strip())
            validate_password(password, user)
            user = User.objects.create_user(email=invitation.email, password=password, full_name=user.full_name)
        channel, actor = current_channel_and_actor()
        # Nobody is signed in yet: the person accepting is who acts.
        with audit_context(channel, actor=actor or user):
            grant_role(user, Role.CLUSTER_MANAGER, clusters=[invitation.cluster.slug])
            invitation.accepted_at = timezone.now()
            invitation.accepted_by = user
            invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


def revoke(invitation: Invitation) -> Invitation:
    """Withdraw a pending invitation; one that is no longer pending is left as it is."""
    if invitation.status == InvitationStatus.PENDING:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


def invitations_of(cluster):
    return cluster.invitations.select_related("invited_by", "accepted_by")
