"""Programme news ("Aktuellt"), e-mail subscriptions to it, and the programme's contact persons."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.registry.models.translated import in_language

from ..choices import NewsAudience


class NewsItem(models.Model):
    programme = models.ForeignKey(
        "registry.Programme", on_delete=models.CASCADE, related_name="news", verbose_name=_("programme")
    )
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    body_sv = models.TextField(_("text (Swedish)"))
    body_en = models.TextField(_("text (English)"))
    audience = models.CharField(_("audience"), max_length=12, choices=NewsAudience.choices, default=NewsAudience.PUBLIC)
    published_at = models.DateTimeField(
        _("published"), null=True, blank=True, db_index=True, help_text=_("Empty for a draft.")
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        ordering = ["-published_at", "-pk"]

    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def body(self) -> str:
        return in_language(self, "body")

    @property
    def is_published(self) -> bool:
        return self.published_at is not None and self.published_at <= timezone.now()

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("activities:news_item", args=[self.programme.slug, self.pk])


class NewsSubscription(models.Model):
    """A participant's opt-in to receive a programme's news by e-mail."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="news_subscriptions")
    programme = models.ForeignKey("registry.Programme", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("news subscription")
        verbose_name_plural = _("news subscriptions")
        constraints = [models.UniqueConstraint(fields=["user", "programme"], name="one_subscription_per_programme")]


class ProgrammeContact(models.Model):
    programme = models.ForeignKey("registry.Programme", on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200)
    role_sv = models.CharField(_("role (Swedish)"), max_length=200, blank=True)
    role_en = models.CharField(_("role (English)"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    away_until = models.DateField(
        _("away until"),
        null=True,
        blank=True,
        help_text=_("While set and in the future, visitors are pointed to the stand-in."),
    )
    stand_in = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("stand-in")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("programme contact")
        verbose_name_plural = _("programme contacts")
        ordering = ["programme", "position", "name", "pk"]

    @property
    def role(self) -> str:
        return in_language(self, "role")

    def is_away(self, today=None) -> bool:
        return self.away_until is not None and self.away_until >= (today or timezone.localdate())

    def __str__(self):
        return self.name
