"""Forms for question sets (the questions as JSON, every problem listed) and for creating a survey round."""

import copy
import json

from django import forms
from django.utils.translation import gettext_lazy as _

from klusterplattform.registry.models import Programme

from . import surveys
from .models import QuestionSet, Survey

SMALLEST_GROUP = 3  # fewer could let an officer read one person's answers


class DefinitionField(forms.CharField):
    """The questions as JSON in the format of calls/forms_engine.py (plus `scale`); each problem is its own error."""

    widget = forms.Textarea(attrs={"rows": 24, "spellcheck": "false", "class": "code"})

    def prepare_value(self, value):
        if isinstance(value, dict | list):
            return json.dumps(value, ensure_ascii=False, indent=2)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        try:
            definition = json.loads(value or "")
        except json.JSONDecodeError as error:
            raise forms.ValidationError(
                _("The questions are not valid JSON: %(error)s (line %(line)s, column %(column)s)."),
                params={"error": error.msg, "line": error.lineno, "column": error.colno},
                code="json",
            ) from error
        problems = surveys.validate_definition(definition)
        if problems:
            raise forms.ValidationError([forms.ValidationError(problem, code="definition") for problem in problems])
        return definition


class QuestionSetForm(forms.ModelForm):
    definition = DefinitionField(
        label=_("Questions (JSON)"),
        help_text=_(
            'Sections with fields, as in a call\'s application form; evaluation questions use the kind "scale" '
            '(1–5; "low" and "high" change the range), "textarea" for free text and "choice" for options.'
        ),
    )

    class Meta:
        model = QuestionSet
        fields = ["name_sv", "name_en", "definition"]


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["programme", "question_set", "title_sv", "title_en", "audience", "opens_on", "closes_on", "min_group"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.visible_to(user).order_by("is_demo", "-starts_on", "slug")

    def clean_min_group(self):
        value = self.cleaned_data["min_group"]
        if value < SMALLEST_GROUP:
            raise forms.ValidationError(
                _("At least %(n)s, so that no one's answers can be read on their own."),
                params={"n": SMALLEST_GROUP},
                code="min_group",
            )
        return value

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", forms.ValidationError(_("The survey closes after it opens."), code="dates"))
        return data

    def save(self, commit=True):
        survey = super().save(commit=False)
        if survey.pk is None:
            # The questions as sent: a question set changed later does not change this round.
            survey.definition = copy.deepcopy(survey.question_set.definition)
        if commit:
            survey.save()
        return survey


class SendForm(forms.Form):
    email = forms.BooleanField(label=_("Also e-mail the new invitations"), required=False)
