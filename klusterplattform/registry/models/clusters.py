from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.identifiers import validate_organisation_number
from klusterplattform.core.text import fold, swedish_sort_key


class ClusterOrganisationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one rule for who sees which cluster organisations (pages, API and exports all use it)."""
        from ..permissions import cluster_visibility_filter

        return self.filter(cluster_visibility_filter(user))

    def real(self):
        """Real organisations only: every benchmark, ranking and count over real objects leaves demo data out."""
        return self.filter(is_demo=False)


class ClusterOrganisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    legal_name = models.CharField(_("legal name"), max_length=200, blank=True)
    organisation_number = models.CharField(
        _("organisation number"), max_length=11, blank=True, validators=[validate_organisation_number]
    )
    country = models.CharField(_("country"), max_length=2, default="SE", db_index=True)
    regions = models.ManyToManyField("registry.Region", related_name="clusters", verbose_name=_("regions"))
    website = models.URLField(_("website"), max_length=300, blank=True)
    website_in_english = models.BooleanField(_("website has an English version"), default=False)
    founded = models.DateField(_("founded"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    strategy = models.TextField(_("strategy"), blank=True)
    ecosystems = models.ManyToManyField(
        "registry.Ecosystem", blank=True, related_name="clusters", verbose_name=_("industrial ecosystems")
    )
    sectors = models.ManyToManyField(
        "registry.SectoralIndustry",
        blank=True,
        related_name="clusters",
        verbose_name=_("sectoral industries"),
    )
    technology_fields = models.ManyToManyField(
        "registry.TechnologyField", blank=True, related_name="clusters", verbose_name=_("technology fields")
    )
    s3_priority_areas = models.ManyToManyField(
        "registry.S3PriorityArea", blank=True, related_name="clusters", verbose_name=_("S3 priority areas")
    )
    management_fte = models.DecimalField(
        _("management team (FTE)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    eccp_profile_url = models.URLField(_("ECCP profile"), max_length=300, blank=True)
    is_published = models.BooleanField(_("published"), default=True, db_index=True)
    is_demo = models.BooleanField(_("demo data"), default=False, db_index=True)
    source_url = models.URLField(_("source of the public facts"), max_length=400, blank=True)
    # Derived columns kept for fast search and Swedish ordering on both databases (see core/text.py).
    search_text = models.TextField(editable=False, default="")
    sort_name = models.CharField(max_length=200, editable=False, default="", db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClusterOrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("cluster organisation")
        verbose_name_plural = _("cluster organisations")
        ordering = ["sort_name", "id"]
        indexes = [models.Index(fields=["is_published", "is_demo", "sort_name"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.refresh_derived()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text", "sort_name"}
        super().save(*args, **kwargs)

    def refresh_derived(self):
        self.search_text = fold(" ".join([self.name, self.legal_name, self.slug, self.description[:500]]))
        self.sort_name = swedish_sort_key(self.name)

    def get_absolute_url(self):
        return reverse("registry:cluster", args=[self.slug])


class ContactPerson(models.Model):
    """A named contact at a cluster organisation. Personal data: shown to signed-in staff only."""

    cluster = models.ForeignKey(ClusterOrganisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return self.name
