from django.db import models
from django.utils.translation import gettext_lazy as _


class Postcode(models.Model):
    """A Swedish postcode and the municipality (kommun) it lies in; the import derives a member's län from it.

    Loaded with `klusterplattform load_postcodes FILE`; the table replaces itself from the file each time.
    """

    code = models.CharField(_("postcode"), max_length=5, primary_key=True)
    locality = models.CharField(_("locality"), max_length=100, blank=True)
    municipality_code = models.CharField(_("municipality code"), max_length=4)

    class Meta:
        verbose_name = _("postcode")
        verbose_name_plural = _("postcodes")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.locality}".strip()
