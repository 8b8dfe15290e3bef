"""What clusters do with calls: bookmarks, "we intend to apply", partners noted for a call; the calendar feed of a
cluster's bookmarks; the weekly digest's preference and its delivery log (one row per user and ISO week, claimed
before sending, so the command can run any number of times and sends each digest once)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .calls import FundingCall


def feed_token() -> str:
    return secrets.token_urlsafe(24)


class FundingInterest(models.Model):
    call = models.ForeignKey(FundingCall, on_delete=models.CASCADE, related_name="interests")
    cluster = models.ForeignKey(
        "registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="funding_interests"
    )
    bookmarked = models.BooleanField(_("bookmarked"), default=False)
    intends_to_apply = models.BooleanField(_("we intend to apply"), default=False)
    note = models.TextField(_("note"), blank=True, max_length=4000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["call", "cluster"], name="funding_interest_unique")]
        verbose_name = _("interest in a funding call")
        verbose_name_plural = _("interests in funding calls")

    def __str__(self):
        return f"{self.cluster} → {self.call.identifier}"


class FundingPartner(models.Model):
    """A partner a cluster has noted for a call: another cluster on the platform or any organisation by name. The
    countries of a cluster's noted partners are what the fit score counts against a call's minimum countries."""

    interest = models.ForeignKey(FundingInterest, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("partner"), max_length=200)
    country = models.CharField(_("country"), max_length=2)
    partner_cluster = models.ForeignKey(
        "registry.ClusterOrganisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cluster on the platform"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.name} ({self.country})"


class FundingCalendarFeed(models.Model):
    """The secret address of a cluster's bookmarked deadlines; replacing the token closes the old address."""

    cluster = models.OneToOneField(
        "registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="funding_calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.cluster}"


class DigestPreference(models.Model):
    """A user's choice about the weekly digest. No row means the default: cluster managers receive it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="funding_digest")
    weekly_digest = models.BooleanField(_("send me the weekly digest of funding calls"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.user}: {self.weekly_digest}"


class DigestDelivery(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=10, help_text="ISO week, e.g. 2026-W48")
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    call_identifiers = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "period"], name="funding_digest_once_a_week")]

    def __str__(self):
        return f"{self.user} {self.period}"
