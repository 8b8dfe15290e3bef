"""Forms of the registry pages: the staff upload form of the member import."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .importing.readers import file_kind
from .importing.result import FileError
from .models import ClusterOrganisation


class OrganisationImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (UTF-8, comma or semicolon separated) or Excel .xlsx, with a header row."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    cluster = forms.ModelChoiceField(
        label=_("Cluster"),
        queryset=ClusterOrganisation.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("(none)"),
        help_text=_("Rows without a cluster column of their own become members of this cluster."),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: check the file and show what would change, without saving anything"), required=False
    )

    def __init__(self, *args, user=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["cluster"].queryset = ClusterOrganisation.objects.visible_to(user).only("slug", "name")
        self.file_bytes = b""

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.KP_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s; the upload limit is %(limit)s (split the file, or use the command line)."),
                code="too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        data = upload.read()
        try:
            file_kind(upload.name, data)
        except FileError as exc:
            raise forms.ValidationError(str(exc), code="file_type") from None
        self.file_bytes = data
        return upload
