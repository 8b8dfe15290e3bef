"""Forms of the activity pages: an activity (times entered in its own time zone), the list filters, documents,
registering several people of a cluster at once, and the attendance-list upload."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.uploads import validate_upload
from klusterplattform.core.zones import TIME_ZONES, LocalDateTimeField, localise
from klusterplattform.registry.models import Programme

from .choices import ActivityType
from .models import Activity, ActivityDocument, FocusArea

DOCUMENT_TYPES = (".pdf", ".docx", ".pptx", ".xlsx", ".odt", ".odp", ".png", ".jpg", ".jpeg")
REGISTRATION_ROWS = 5


class ActivityForm(forms.ModelForm):
    starts_at = LocalDateTimeField(label=_("Starts"), help_text=_("Local time in the activity's time zone."))
    ends_at = LocalDateTimeField(label=_("Ends"), help_text=_("Local time in the activity's time zone."))
    registration_deadline = LocalDateTimeField(
        label=_("Registration deadline"),
        required=False,
        help_text=_("Local time in the activity's time zone; empty: registration is open until the start."),
    )
    online_url = forms.URLField(label=_("Online link"), max_length=400, required=False, assume_scheme="https")
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=[(zone, zone) for zone in TIME_ZONES],
        initial="Europe/Stockholm",
        help_text=_("The zone of the place where the activity happens; pages show its times in this zone."),
    )

    class Meta:
        model = Activity
        fields = [
            "programme",
            "type",
            "focus_areas",
            "title_sv",
            "title_en",
            "description_sv",
            "description_en",
            "time_zone",
            "starts_at",
            "ends_at",
            "registration_deadline",
            "place",
            "online_url",
            "capacity",
            "organiser",
            "is_published",
        ]
        widgets = {"focus_areas": forms.CheckboxSelectMultiple}

    def __init__(self, *args, programme=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.order_by("name_sv")
        instance = self.instance
        programme = instance.programme if instance.pk else programme
        if programme is not None:
            self.fields["focus_areas"].queryset = FocusArea.objects.for_programme(programme)
            self.fields["programme"].initial = programme.pk
        else:
            self.fields["focus_areas"].queryset = FocusArea.objects.select_related("programme")
        if instance.pk:
            for name in ("starts_at", "ends_at", "registration_deadline"):
                value = getattr(instance, name)
                if value is not None:
                    self.initial[name] = timezone.localtime(value, instance.zone).replace(tzinfo=None)
            if instance.registrations.exists():
                self.fields["programme"].disabled = True
                self.fields["programme"].help_text = _("The programme cannot change once people have registered.")

    def clean(self):
        data = super().clean()
        localise(self, data, ("starts_at", "ends_at", "registration_deadline"))
        starts, ends, deadline = data.get("starts_at"), data.get("ends_at"), data.get("registration_deadline")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        if deadline and ends and deadline >= ends:
            self.add_error("registration_deadline", _("The registration deadline must be before the end."))
        if not data.get("place") and not data.get("online_url"):
            self.add_error("place", _("Enter a place, an online link, or both."))
        programme, areas = data.get("programme"), data.get("focus_areas")
        if programme and areas:
            allowed = set(FocusArea.objects.for_programme(programme).values_list("pk", flat=True))
            foreign = [area.name for area in areas if area.pk not in allowed]
            if foreign:
                self.add_error(
                    "focus_areas",
                    _("Not a focus area of this programme: %(areas)s.") % {"areas": ", ".join(foreign)},
                )
        return data


class ActivityFilterForm(forms.Form):
    WHEN = [("upcoming", _("Upcoming")), ("past", _("Past")), ("all", _("All"))]
    SORT = [("start", _("Start, earliest first")), ("-start", _("Start, latest first"))]

    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=Programme.objects.none(), required=False, to_field_name="slug"
    )
    type = forms.ChoiceField(label=_("Type"), choices=[("", _("All types")), *ActivityType.choices], required=False)
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"), queryset=FocusArea.objects.none(), required=False, to_field_name="code"
    )
    when = forms.ChoiceField(label=_("When"), choices=WHEN, required=False)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.visible_to(user).order_by("name_sv")
        self.fields["focus_area"].queryset = FocusArea.objects.order_by("programme_id", "position", "code")

    def apply(self, activities, now=None):
        now = now or timezone.now()
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("programme"):
            activities = activities.filter(programme=data["programme"])
        if data.get("type"):
            activities = activities.filter(type=data["type"])
        if data.get("focus_area"):
            activities = activities.filter(focus_areas__code=data["focus_area"].code).distinct()
        when = data.get("when") or "upcoming"
        if when == "upcoming":
            activities = activities.filter(ends_at__gte=now)
        elif when == "past":
            activities = activities.filter(ends_at__lt=now)
        descending = data.get("sort") == "-start" or (when == "past" and not data.get("sort"))
        return activities.order_by(*(["-starts_at", "-pk"] if descending else ["starts_at", "pk"]))

    @property
    def is_filtered(self) -> bool:
        return any(self.data.get(name) for name in ("programme", "type", "focus_area", "when", "sort"))


class DocumentForm(forms.ModelForm):
    class Meta:
        model = ActivityDocument
        fields = ["title", "file", "access"]
        widgets = {"access": forms.RadioSelect}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validate_upload(
            upload,
            DOCUMENT_TYPES,
            _("Attach a PDF, Word, PowerPoint, Excel, OpenDocument text or presentation, PNG or JPEG file."),
        )
        return upload


class RegistrationForm(forms.Form):
    """One cluster (when the user may register for several) and up to five people; blank rows are ignored."""

    def __init__(self, *args, clusters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.clusters = list(clusters)
        if len(self.clusters) > 1:
            self.fields["cluster"] = forms.ChoiceField(
                label=_("Cluster organisation"),
                choices=[("", "—"), *[(cluster.slug, cluster.name) for cluster in self.clusters]],
            )
        for number in range(1, REGISTRATION_ROWS + 1):
            self.fields[f"name_{number}"] = forms.CharField(
                label=_("Name of person %(number)s") % {"number": number}, max_length=200, required=False
            )
            self.fields[f"email_{number}"] = forms.EmailField(
                label=_("E-mail of person %(number)s") % {"number": number}, max_length=254, required=False
            )

    def rows(self):
        """Pairs of (name field, e-mail field) for the template."""
        return [(self[f"name_{n}"], self[f"email_{n}"]) for n in range(1, REGISTRATION_ROWS + 1)]

    def clean(self):
        data = super().clean()
        people = []
        for number in range(1, REGISTRATION_ROWS + 1):
            name, email = (data.get(f"name_{number}") or "").strip(), data.get(f"email_{number}") or ""
            if f"email_{number}" in self.errors:
                continue
            if name and not email:
                self.add_error(f"email_{number}", _("Enter this person's e-mail address."))
            elif email and not name:
                self.add_error(f"name_{number}", _("Enter this person's name."))
            elif name and email:
                people.append((name, email))
        if not people and not self.errors:
            raise ValidationError(_("Enter the name and e-mail address of at least one person."))
        data["people"] = people
        return data

    @property
    def cluster(self):
        if len(self.clusters) == 1:
            return self.clusters[0]
        slug = self.cleaned_data.get("cluster")
        return next((cluster for cluster in self.clusters if cluster.slug == slug), None)


class AttendanceUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Attendance list"),
        help_text=_("CSV or Excel (XLSX) with a header row and a column named email (or e-post)."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if name.endswith(".xlsx"):
            validate_upload(upload, (".xlsx",), _("Upload the attendance list as a CSV or Excel (XLSX) file."))
        elif not name.endswith(".csv"):
            raise ValidationError(_("Upload the attendance list as a CSV or Excel (XLSX) file."))
        return upload
