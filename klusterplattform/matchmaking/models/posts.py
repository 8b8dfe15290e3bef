"""Partner searches: a cluster publishes what it offers and seeks; others follow a post or express interest with a
message; the post's cluster accepts or declines. Contact details of the two sides are shown to each other only
after acceptance (see permissions.contacts_visible).

A post's status is derived (rule 4): closed when its author closed it, expired after its expiry date (the whole day
counts, in Europe/Stockholm), otherwise open.
"""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import InterestStatus, PostStatus, Purpose


def today() -> datetime.date:
    return timezone.localdate()


class PartnerSearchQuerySet(models.QuerySet):
    def visible_to(self, user):
        from ..permissions import post_visibility_filter

        return self.filter(post_visibility_filter(user))

    def open(self, on: datetime.date | None = None):
        return self.filter(closed_at__isnull=True, expires_on__gte=on or today())


class PartnerSearch(models.Model):
    cluster = models.ForeignKey(
        "registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="partner_searches"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    title = models.CharField(_("title"), max_length=200)
    offer = models.TextField(_("what we offer"), max_length=5000)
    seek = models.TextField(_("what we seek"), max_length=5000)
    partner_types = models.JSONField(_("partner types sought"), default=list, blank=True)
    ecosystems = models.ManyToManyField(
        "registry.Ecosystem", blank=True, related_name="+", verbose_name=_("industrial ecosystems")
    )
    sectors = models.ManyToManyField(
        "registry.SectoralIndustry", blank=True, related_name="+", verbose_name=_("sectoral industries")
    )
    technology_fields = models.ManyToManyField(
        "registry.TechnologyField", blank=True, related_name="+", verbose_name=_("technology fields")
    )
    countries_sought = models.JSONField(
        _("countries sought"), default=list, blank=True, help_text=_("ISO codes; empty means any country.")
    )
    regions_sought = models.ManyToManyField(
        "registry.Region", blank=True, related_name="+", verbose_name=_("regions sought")
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    funding_call = models.ForeignKey(
        "funding.FundingCall",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partner_searches",
        verbose_name=_("funding call"),
    )
    expires_on = models.DateField(_("open until"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PartnerSearchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["closed_at", "expires_on"], name="partner_search_open_idx")]
        verbose_name = _("partner search")
        verbose_name_plural = _("partner searches")

    def __str__(self):
        return f"{self.cluster}: {self.title}"

    def get_absolute_url(self):
        return reverse("matchmaking:post", args=[self.pk])

    def status_on(self, on: datetime.date | None = None) -> str:
        if self.closed_at:
            return PostStatus.CLOSED
        if self.expires_on < (on or today()):
            return PostStatus.EXPIRED
        return PostStatus.OPEN

    @property
    def status(self) -> str:
        return self.status_on()

    @property
    def is_demo(self) -> bool:
        return self.cluster.is_demo


class PartnerSearchFollow(models.Model):
    """Someone follows a post (a bookmark; no contact is made)."""

    post = models.ForeignKey(PartnerSearch, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_search_follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="partner_search_follow_once")]


class PartnerInterest(models.Model):
    """A cluster's expression of interest in a post, with a message; the post's cluster answers it."""

    post = models.ForeignKey(PartnerSearch, on_delete=models.CASCADE, related_name="interests")
    cluster = models.ForeignKey("registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    message = models.TextField(_("message"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=10, choices=InterestStatus.choices, default=InterestStatus.PENDING, db_index=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["post", "cluster"], name="partner_interest_once_per_cluster")]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")

    def __str__(self):
        return f"{self.cluster} → {self.post}"
