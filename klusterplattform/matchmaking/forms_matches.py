"""Forms of the match page: what the user asks about (a described need, with an optional country and the demo switch;
or a cluster or partner search given by the link), and a thumbs up or down on one match.

Both only validate; match_subjects.resolve turns the subject into the engine's need, and the vote is stored by
matching.service.record_feedback.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .choices import DocumentKind, Vote
from .forms import country_choices
from .match_subjects import MAX_ID, MAX_TEXT, MIN_TEXT, given
from .matching.service import MAX_PAGE

ONE_SUBJECT = _("Ask about one thing at a time: a cluster, a partner search or a described need.")


class SubjectForm(forms.Form):
    q = forms.CharField(
        label=_("Describe what you need"),
        help_text=_("For example the competence, technology or kind of partner you seek (2 to 500 characters)."),
        required=False,
        min_length=MIN_TEXT,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_TEXT, "aria-describedby": "id_q-help"}),
    )
    country = forms.ChoiceField(label=_("Country sought (optional)"), required=False)
    demo = forms.BooleanField(
        label=_("Search the demo data (fictional clusters) instead of the real data"), required=False
    )
    # Given by the links from a cluster's or a post's page; not inputs of the form shown.
    cluster = forms.SlugField(required=False, max_length=120, widget=forms.HiddenInput)
    post = forms.IntegerField(required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any country"))] + country_choices()

    def clean(self):
        data = super().clean()
        if given(data.get("cluster"), data.get("post"), data.get("q")) > 1:
            raise ValidationError(ONE_SUBJECT, code="several_subjects")
        return data

    @property
    def subject_is_invalid(self) -> bool:
        """A malformed cluster or post in the link: there is no such subject (a 404, like one the user cannot see)."""
        return bool(self.errors.get("cluster") or self.errors.get("post"))

    def has_subject(self) -> bool:
        data = self.cleaned_data
        return given(data.get("cluster"), data.get("post"), data.get("q")) == 1

    def subject_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "cluster": data.get("cluster") or None,
            "post": data.get("post"),
            "text": data.get("q") or None,
            "demo": bool(data.get("demo")),
            "countries": [data["country"]] if data.get("country") else [],
        }


class VoteForm(SubjectForm):
    kind = forms.ChoiceField(choices=DocumentKind.choices)
    candidate = forms.IntegerField(min_value=1, max_value=MAX_ID)
    vote = forms.TypedChoiceField(choices=Vote.choices, coerce=int)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def clean(self):
        data = super().clean()
        if not self.errors and not self.has_subject():
            raise ValidationError(ONE_SUBJECT, code="no_subject")
        return data
