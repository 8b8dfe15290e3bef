"""Forms of the application pages: starting, regions, attachments, inviting editors, transitions, the regions'
answers and the officers' list filters. The questions themselves come from the form engine (forms_engine.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from klusterplattform.core import questionnaire as q
from klusterplattform.registry.models import S3PriorityArea

from .applying import swedish_counties
from .choices import ApplicationStatus


class StartForm(forms.Form):
    cluster = forms.ModelChoiceField(queryset=None, label=_("Cluster organisation"), empty_label=None)

    def __init__(self, *args, clusters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = clusters


class RegionsForm(forms.Form):
    regions = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label=_("Regions"),
        help_text=_(
            "The counties (län) whose smart-specialisation strategy prioritises the cluster. Each named region is "
            "asked to confirm the priority when the application is submitted."
        ),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regions"].queryset = swedish_counties()


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Colleague's e-mail address"), max_length=254)


class ActionForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recorded in the application's history (required for a decision)."),
    )


class ConfirmEndorsementForm(forms.Form):
    priority_area = forms.ModelChoiceField(
        queryset=None, label=_("S3 priority area"), empty_label=_("Choose the priority area")
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priority_area"].queryset = S3PriorityArea.objects.filter(region=region).order_by(
            "position", "code"
        )


class DeclineEndorsementForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the region does not confirm that the cluster is prioritised in its strategy."),
    )


def attachment_form(questions, *args, **kwargs) -> forms.Form:
    """One optional file input per file question of the form (a field left empty keeps its attachment); each upload
    is checked by type (name and content) and the question's size limit."""
    form = forms.Form(*args, **kwargs)
    for question in questions:
        field = q.QuestionFileField(
            question,
            label=question.label,
            required=False,
            help_text=question.help_text,
            widget=forms.ClearableFileInput(attrs={"accept": ",".join(question.extensions)}),
        )
        field.code = question.code
        form.fields[f"file_{question.code}"] = field
    return form


class ApplicationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + list(ApplicationStatus.choices)
    )
    region = forms.ModelChoiceField(queryset=None, label=_("Region"), required=False, empty_label=_("All"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = swedish_counties()
        self.fields["region"].to_field_name = "code"
