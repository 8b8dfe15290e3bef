"""Users log in with their e-mail address; API tokens are stored hashed and shown once."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=200, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.email


TOKEN_PREFIX = "kp_"  # noqa: S105 - a public prefix, not a secret


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=now)
        )


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 hash is stored; the raw value is shown once at creation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=12, editable=False, help_text=_("First characters, to recognise a token."))
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.prefix}… ({self.user})"

    @property
    def status(self) -> str:
        """active, expired or revoked (derived from the dates, never stored)."""
        if self.revoked_at:
            return "revoked"
        if self.expires_at and self.expires_at <= timezone.now():
            return "expired"
        return "active"

    @classmethod
    def issue(cls, user, name="", expires_at=None) -> tuple["ApiToken", str]:
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, token_hash=hash_token(raw), prefix=raw[:10], expires_at=expires_at
        )
        return token, raw

    @classmethod
    def authenticate(cls, raw: str):
        """The active user behind a raw token, or None; records when the token was last used."""
        if not raw or not raw.startswith(TOKEN_PREFIX):
            return None
        token = cls.objects.usable().select_related("user").filter(token_hash=hash_token(raw)).first()
        if token is None or not token.user.is_active:
            return None
        now = timezone.now()
        # Write at most once a minute per token: a busy client must not turn every read into a write.
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user


class LoginFailure(models.Model):
    """One failed sign-in, by account (the e-mail tried) and by client address.

    Kept in the database, not in process memory, so every app server behind the load balancer sees the same count.
    """

    email = models.EmailField(db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("failed sign-in")
        verbose_name_plural = _("failed sign-ins")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.email} {self.ip_address} {self.at:%Y-%m-%d %H:%M}"


class AuditChannel(models.TextChoices):
    PAGE = "page", _("Web page")
    API = "api", _("API")
    IMPORT = "import", _("Import")
    COMMAND = "command", _("Command")


class AuditAction(models.TextChoices):
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")


class ImmutableAuditTrail(Exception):
    """The audit trail is append-only: nothing in it is changed or deleted through the platform."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableAuditTrail("audit events cannot be changed")

    def delete(self):
        raise ImmutableAuditTrail("audit events cannot be deleted")

    def for_object(self, obj):
        from django.contrib.contenttypes.models import ContentType

        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))

    def _redact(self, **kwargs):
        """Only for erasing personal data (GDPR): the one sanctioned change, made by accounts/audit.py."""
        return super().update(**kwargs)


class AuditEvent(models.Model):
    """One create, change or delete of a domain object: who, when, through which channel, and field by field."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # people are anonymised, never deleted, while the trail names them
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=AuditChannel.choices)
    action = models.CharField(_("action"), max_length=10, choices=AuditAction.choices)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    changes = models.JSONField(_("changes"), default=dict, help_text=_("Field by field: [before, after]."))

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableAuditTrail("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableAuditTrail("audit events cannot be deleted")


class TwoFactorDevice(models.Model):
    """A user's TOTP authenticator (RFC 6238), with one-time recovery codes stored as SHA-256 hashes.

    It protects sign-in only once confirmed with a first valid code; a code's time step is accepted once.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor")
    secret = models.CharField(max_length=32, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_used_step = models.BigIntegerField(null=True, blank=True, editable=False)
    recovery_codes = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("two-factor device")
        verbose_name_plural = _("two-factor devices")

    def __str__(self):
        return f"{self.user} ({'confirmed' if self.confirmed_at else 'not confirmed'})"
