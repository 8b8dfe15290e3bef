from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.text import fold, swedish_sort_key

from ..choices import MembershipKind, OrganisationType, SizeClass


class Organisation(models.Model):
    """A member or participant of a cluster: a company, a university, a public body …

    `key` is the stable key imports upsert on: "SE:NNNNNN-NNNN" for a Swedish organisation number, "VAT:…" for a VAT
    number, or "ID:…" for another identifier the source keeps stable.
    """

    key = models.CharField(_("stable key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=250)
    organisation_number = models.CharField(_("organisation number"), max_length=11, blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=2, default="SE")
    type = models.CharField(_("type"), max_length=20, choices=OrganisationType.choices, db_index=True)
    size_class = models.CharField(_("size class"), max_length=10, choices=SizeClass.choices, default=SizeClass.UNKNOWN)
    nace_code = models.CharField(_("NACE code"), max_length=8, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    municipality_code = models.CharField(_("municipality code"), max_length=4, blank=True)
    region = models.ForeignKey(
        "registry.Region",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("region"),
    )
    website = models.URLField(_("website"), max_length=300, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False, db_index=True)
    search_text = models.CharField(max_length=300, editable=False, default="")
    sort_name = models.CharField(max_length=200, editable=False, default="", db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["sort_name", "id"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self):
        self.search_text = fold(f"{self.name} {self.organisation_number} {self.vat_number}")[:300]
        self.sort_name = swedish_sort_key(self.name)


class MembershipQuerySet(models.QuerySet):
    def active_on(self, day=None):
        """Memberships in force on a day: joined on or before it and not yet left (left is exclusive)."""
        day = day or timezone.localdate()
        return self.filter(Q(joined__isnull=True) | Q(joined__lte=day)).filter(Q(left__isnull=True) | Q(left__gt=day))


class Membership(models.Model):
    """A period in which an organisation belongs to a cluster. History is kept: leaving sets `left`."""

    cluster = models.ForeignKey("registry.ClusterOrganisation", on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    kind = models.CharField(_("kind"), max_length=12, choices=MembershipKind.choices, default=MembershipKind.MEMBER)
    joined = models.DateField(_("joined"), null=True, blank=True)
    left = models.DateField(_("left"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["cluster", "-joined"]
        indexes = [
            models.Index(fields=["cluster", "left"]),
            models.Index(fields=["organisation", "left"]),
            # Covers the follow-up's membership-history scan (reporting/figures/population.py): every column it reads,
            # so the database never visits the table rows (a quarter of the dashboard's time at 5,000 clusters).
            models.Index(fields=["cluster", "organisation", "kind", "joined", "left"], name="membership_history_scan"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(left__isnull=True) | Q(joined__isnull=True) | Q(left__gte=models.F("joined")),
                name="membership_left_after_joined",
            ),
            # One open membership per organisation and cluster; closed ones are history.
            models.UniqueConstraint(
                fields=["cluster", "organisation"], condition=Q(left__isnull=True), name="one_open_membership"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ∈ {self.cluster}"
