"""Forms of the readiness pages: the three Silver improvement areas, and a declaration with its evidence file.

Both save inside one transaction after the whole form has validated, so bad input writes nothing.
"""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.uploads import validate_upload

from .choices import Area
from .models import ImprovementArea, ReadinessDeclaration

AREA_COUNT = 3
TEXT_LIMIT = 2000
EXPLANATION_LIMIT = 2000
DECLARATION_TYPES = (".pdf", ".docx", ".png", ".jpg", ".jpeg")


def validate_evidence(upload) -> None:
    """A PDF, Word (docx), PNG or JPEG file within the upload limit, judged by content as well as name."""
    validate_upload(upload, DECLARATION_TYPES, _("Attach a PDF, Word (.docx), PNG or JPEG file."))


class ImprovementAreasForm(forms.Form):
    """Three rows of (area, what changed, effect); shown as three fieldsets, saved as three ImprovementArea rows."""

    def __init__(self, *args, cluster, **kwargs):
        kwargs.setdefault("label_suffix", "")
        self.cluster = cluster
        existing = list(ImprovementArea.objects.filter(cluster=cluster).order_by("pk"))[:AREA_COUNT]
        initial = {}
        for number, row in enumerate(existing, 1):
            initial[f"area_{number}"] = row.area
            initial[f"changed_{number}"] = row.what_changed
            initial[f"effect_{number}"] = row.effect
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        for number in range(1, AREA_COUNT + 1):
            self.fields[f"area_{number}"] = forms.ChoiceField(
                label=_("Area"), choices=[("", _("Choose an area")), *Area.choices]
            )
            self.fields[f"changed_{number}"] = forms.CharField(
                label=_("What changed"),
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("The improvement the cluster organisation made since the first benchmarking."),
            )
            self.fields[f"effect_{number}"] = forms.CharField(
                label=_("Effect on the cluster"),
                max_length=TEXT_LIMIT,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("How the improvement affected the cluster's overall development."),
            )

    def rows(self):
        """The fields grouped per improvement area, for the template's fieldsets."""
        return [
            (number, [self[f"{name}_{number}"] for name in ("area", "changed", "effect")])
            for number in range(1, AREA_COUNT + 1)
        ]

    def clean(self):
        cleaned = super().clean()
        seen = set()
        for number in range(1, AREA_COUNT + 1):
            area = cleaned.get(f"area_{number}")
            if area and area in seen:
                self.add_error(f"area_{number}", _("Choose three different areas."))
            seen.add(area)
        return cleaned

    @transaction.atomic
    def save(self) -> list[ImprovementArea]:
        """Replace the cluster's improvement areas with the three in the form (row by row, so the audit trail
        records each change)."""
        wanted = {
            self.cleaned_data[f"area_{n}"]: (self.cleaned_data[f"changed_{n}"], self.cleaned_data[f"effect_{n}"])
            for n in range(1, AREA_COUNT + 1)
        }
        current = {row.area: row for row in ImprovementArea.objects.select_for_update().filter(cluster=self.cluster)}
        for area, row in current.items():
            if area not in wanted:
                row.delete()
        saved = []
        for area, (changed, effect) in wanted.items():
            row = current.get(area) or ImprovementArea(cluster=self.cluster, area=area)
            if row.pk is None or (row.what_changed, row.effect) != (changed, effect):
                row.what_changed, row.effect = changed, effect
                row.save()
            saved.append(row)
        return saved


class DeclarationForm(forms.Form):
    is_met = forms.TypedChoiceField(
        label=_("Does the cluster organisation meet this criterion?"),
        choices=[("yes", _("Yes, it is met")), ("no", _("No, not yet"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        max_length=EXPLANATION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("How the cluster organisation meets the criterion, or what is still missing."),
    )
    evidence = forms.FileField(
        label=_("Evidence file"),
        required=False,
        help_text=_("PDF, Word (.docx), PNG or JPEG."),
        widget=forms.FileInput(attrs={"accept": ".pdf,.docx,.png,.jpg,.jpeg"}),
    )

    def __init__(self, *args, cluster, criterion, declaration=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        self.cluster, self.criterion, self.declaration = cluster, criterion, declaration
        if declaration is not None:
            initial = {"is_met": "yes" if declaration.is_met else "no", "explanation": declaration.explanation}
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload:
            validate_evidence(upload)
        return upload or None

    def clean(self):
        cleaned = super().clean()
        has_file = bool(cleaned.get("evidence")) or bool(self.declaration and self.declaration.evidence)
        needs_file = cleaned.get("is_met") and self.criterion.requires_evidence
        if needs_file and not has_file and "evidence" not in self.errors:
            self.add_error("evidence", _("Attach the evidence that the criterion is met."))
        return cleaned

    @transaction.atomic
    def save(self, user) -> ReadinessDeclaration:
        declaration = self.declaration or ReadinessDeclaration(cluster=self.cluster, criterion=self.criterion)
        declaration.is_met = self.cleaned_data["is_met"]
        declaration.explanation = self.cleaned_data["explanation"]
        declaration.updated_by = user
        declaration.save()
        if self.cleaned_data.get("evidence"):
            store_evidence(declaration, self.cleaned_data["evidence"])
        return declaration


def store_evidence(declaration: ReadinessDeclaration, upload) -> None:
    """Store the file; the audit trail records the change by the stored file's name."""
    declaration.evidence.save(upload.name, upload, save=False)
    declaration.save(update_fields=["evidence"])
