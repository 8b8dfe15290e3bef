"""Forms of the needs analysis: a focus area with its indicators (officers), and the stated-needs survey."""

from django import forms
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.questionnaire import form_class

from .models import FocusArea
from .needs import focus as focus_service
from .needs import stated


class FocusAreaForm(forms.ModelForm):
    indicators = forms.MultipleChoiceField(
        label=_("Indicators the focus area covers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Indicators of the current catalogue where higher or lower is better."),
    )

    class Meta:
        model = FocusArea
        fields = [
            "code",
            "name_sv",
            "name_en",
            "description_sv",
            "description_en",
            "themes_sv",
            "themes_en",
            "position",
        ]

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.instance.programme = programme
        choices = focus_service.indicator_choices()
        self.fields["indicators"].choices = choices
        self.offered = {lineage for lineage, _label in choices}
        if self.instance.pk:
            self.fields["indicators"].initial = [m.lineage for m in self.instance.indicators.all()]

    def clean_code(self):
        code = self.cleaned_data["code"]
        others = FocusArea.objects.filter(programme=self.programme, code=code).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("The programme already has a focus area with this code."))
        return code

    def save(self, commit=True):
        focus_area = super().save(commit=commit)
        if commit:
            # Lineages of older catalogues (not offered as boxes) are kept; the offered ones follow the boxes.
            kept = {m.lineage for m in focus_area.indicators.all()} - self.offered
            focus_service.set_indicators(focus_area, kept | set(self.cleaned_data["indicators"]))
        return focus_area


def survey_form(focus_areas):
    """The stated-needs form class: a 1–5 priority per focus area (optional) and free text."""
    return form_class(stated.questions(focus_areas))
