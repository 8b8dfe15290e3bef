"""Participation statistics of a programme and the effect view ("Did it work?").

Statistics: participation.view; cluster managers see their own cluster's row and the programme's totals, regional
officers their region's clusters and the totals, officers everything. The effect view compares named groups of
clusters, so it is for officers (needs.drill_down).
"""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klusterplattform.core.charts import Row, bar_chart
from klusterplattform.core.exports import FORMATS, Column, export_response
from klusterplattform.core.permissions import check
from klusterplattform.excellence.models import AssessmentRound

from . import participation
from .effect import compare
from .models import FocusArea
from .news import programme_for
from .views_news import refuse

MAY_NOT_SEE = gettext_lazy(
    "Participation statistics are for the programme's participating clusters, their regional officers and programme "
    "officers."
)
MAY_NOT_COMPARE = gettext_lazy("The effect view compares named groups of clusters and is for programme officers.")


def _report(request, slug):
    programme = programme_for(request.user, slug)
    allowed, row_ids = participation.reach(request.user, programme)
    if not allowed:
        return programme, None
    period = request.GET.get("period", "half")
    return programme, participation.build(programme, row_ids, period)


def basis_text(basis) -> str:
    return {
        participation.ATTENDED: _("attended"),
        participation.UNMARKED: _("registered, attendance not marked"),
        participation.UPCOMING: _("registered, still to come"),
    }[basis]


@login_required
def participation_view(request, slug):
    programme, report = _report(request, slug)
    if report is None:
        return refuse(request, MAY_NOT_SEE)
    for row in report.activity_rows:
        row.basis_text = basis_text(row.basis)
    for row in report.cluster_rows:
        row.focus_list = row.focus_counts(report.focus_areas)
    maximum = max([report.participants, *[row.clusters for row in report.period_rows], 1])
    chart = bar_chart(
        [Row(row.label, row.clusters, f"{row.clusters} / {report.participants}") for row in report.period_rows],
        title=_("Clusters taking part per period"),
        desc=_("For each period, the number of the programme's %(n)s clusters that took part in an activity.")
        % {"n": report.participants},
        maximum=maximum,
    )
    context = {
        "programme": programme,
        "report": report,
        "chart": chart,
        "periods": [("year", _("Year")), ("half", _("Half-year")), ("quarter", _("Quarter"))],
        "may_compare": bool(check(request.user, "needs.drill_down")),
    }
    return render(request, "activities/participation_report.html", context)


@login_required
def participation_export(request, slug, file_format):
    if file_format not in FORMATS:
        raise Http404
    programme, report = _report(request, slug)
    if report is None:
        return refuse(request, MAY_NOT_SEE)
    if request.GET.get("table") == "activities":
        columns = [
            Column(_("Activity"), lambda row: row.activity.title),
            Column(_("Starts"), lambda row: row.activity.local_start.date()),
            Column(_("Clusters taking part"), lambda row: row.clusters),
            Column(_("Participating clusters"), lambda row: report.participants),
            Column(_("People"), lambda row: row.people),
            Column(_("Counted from"), lambda row: basis_text(row.basis)),
        ]
        return export_response(file_format, f"deltagande-aktiviteter-{programme.slug}", columns, report.activity_rows)
    columns = [
        Column(_("Cluster"), lambda row: row.cluster.name),
        Column(_("Activities taken part in"), lambda row: row.activities),
        Column(_("People"), lambda row: row.people),
    ]
    for area in report.focus_areas:
        columns.append(Column(area.name, lambda row, area=area: row.by_focus.get(area.pk, 0)))
    return export_response(file_format, f"deltagande-kluster-{programme.slug}", columns, report.cluster_rows)


class EffectForm(forms.Form):
    start = forms.ChoiceField(label=gettext_lazy("First round"))
    end = forms.ChoiceField(label=gettext_lazy("Second round"))
    focus = forms.ChoiceField(label=gettext_lazy("Focus area"))

    def __init__(self, data, rounds, focus_areas):
        # The query parameters are named from/to; `from` is a Python keyword, so add_prefix maps the field names.
        super().__init__(data)
        self.rounds = {item.slug: item for item in rounds}
        self.focus_areas = {area.code: area for area in focus_areas}
        self.fields["start"].choices = [(item.slug, item.name) for item in rounds]
        self.fields["end"].choices = [(item.slug, item.name) for item in rounds]
        self.fields["focus"].choices = [(area.code, area.name) for area in focus_areas]

    def add_prefix(self, field_name):
        return {"start": "from", "end": "to"}.get(field_name, field_name)

    def clean(self):
        data = super().clean()
        start, end = self.rounds.get(data.get("start")), self.rounds.get(data.get("end"))
        if start and end:
            if start.pk == end.pk:
                raise forms.ValidationError(_("Choose two different rounds."))
            if start.opens_on > end.opens_on:
                raise forms.ValidationError(_("The first round must open before the second."))
            data["round_from"], data["round_to"] = start, end
            data["focus_area"] = self.focus_areas[data["focus"]]
        return data


@login_required
def effect_view(request, slug):
    programme = programme_for(request.user, slug)
    if not check(request.user, "needs.drill_down"):
        return refuse(request, MAY_NOT_COMPARE)
    rounds = list(AssessmentRound.objects.filter(programme=programme).order_by("opens_on", "pk"))
    focus_areas = list(FocusArea.objects.for_programme(programme))
    asked = any(key in request.GET for key in ("from", "to", "focus"))
    form = EffectForm(request.GET, rounds, focus_areas)
    result = None
    if asked and form.is_valid():
        data = form.cleaned_data
        result = compare(programme, data["round_from"], data["round_to"], data["focus_area"])
    context = {
        "programme": programme,
        "form": form,
        "asked": asked,
        "result": result,
        "rounds": rounds,
        "focus_areas": focus_areas,
    }
    return render(request, "activities/effect_view.html", context)
