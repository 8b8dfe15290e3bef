"""The KPI pages: the table with trend (kpi.view), its CSV/XLSX export, and defining KPIs and entering or freezing
their values (kpi.manage). Anonymous visitors are sent to sign in; without the permission the pages do not exist
(404). The table is about one programme (`?programme=<slug>`, real programmes first) and one period length
(`?granularity=year|half|quarter`); the demo programme's table says it is the demo's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klusterplattform.core import exports
from klusterplattform.core.permissions import check
from klusterplattform.registry.models import Programme

from . import kpi_metrics, kpis
from .forms_kpis import FreezeForm, KpiForm, KpiValueForm
from .kpi_metrics import GRANULARITIES, Period, recent_periods
from .models import Kpi, KpiSource

PERIODS_SHOWN = 5
SECTION = "kpis"


def require(user, code: str) -> None:
    if not check(user, code):
        raise Http404


def _programmes(user):
    return Programme.objects.visible_to(user).order_by("is_demo", "-starts_on", "slug")


def _programme(request) -> Programme:
    programmes = _programmes(request.user)
    slug = request.GET.get("programme")
    programme = programmes.filter(slug=slug).first() if slug else programmes.first()
    if programme is None:
        raise Http404
    return programme


def _granularity(request) -> str:
    value = request.GET.get("granularity")
    return value if value in GRANULARITIES else "year"


def _kpi(request, pk: int) -> Kpi:
    kpi = get_object_or_404(Kpi.objects.select_related("programme"), pk=pk)
    if not _programmes(request.user).filter(pk=kpi.programme_id).exists():
        raise Http404
    return kpi


def table_url(programme, granularity: str = "year") -> str:
    return reverse("reporting:kpis") + "?" + urlencode({"programme": programme.slug, "granularity": granularity})


@login_required
def kpi_table(request):
    require(request.user, "kpi.view")
    programme = _programme(request)
    granularity = _granularity(request)
    periods = recent_periods(granularity, PERIODS_SHOWN)
    context = {
        "section": SECTION,
        "programme": programme,
        "programmes": _programmes(request.user),
        "granularity": granularity,
        "granularities": GRANULARITIES,
        "periods": periods,
        "rows": kpis.kpi_table(programme, periods),
        "may_manage": bool(check(request.user, "kpi.manage")),
        "query": urlencode({"programme": programme.slug, "granularity": granularity}),
    }
    return render(request, "reporting/kpi_table.html", context)


def export_columns(periods: list[Period]) -> list[exports.Column]:
    columns = [
        exports.Column(_("Code"), lambda row: row.kpi.code),
        exports.Column(_("KPI"), lambda row: row.kpi.name),
        exports.Column(_("Unit"), lambda row: row.kpi.get_unit_display()),
        exports.Column(_("Data source"), lambda row: row.kpi.source),
        exports.Column(_("Baseline"), lambda row: row.kpi.baseline),
        exports.Column(_("Baseline period"), lambda row: row.kpi.baseline_period),
    ]
    for index, period in enumerate(periods):
        columns.append(exports.Column(period.code, lambda row, i=index: row.cells[i].value))
        columns.append(
            exports.Column(_("%(period)s source") % {"period": period.code}, lambda row, i=index: row.cells[i].origin)
        )
    columns += [
        exports.Column(_("Target"), lambda row: row.kpi.target),
        exports.Column(_("Target period"), lambda row: row.kpi.target_period),
        exports.Column(_("Trend"), lambda row: row.trend.direction or ""),
        exports.Column(
            _("Towards target"), lambda row: "" if row.trend.better is None else ("yes" if row.trend.better else "no")
        ),
    ]
    return columns


@login_required
def kpi_export(request, file_format: str):
    require(request.user, "kpi.view")
    if file_format not in exports.FORMATS:
        raise Http404
    programme = _programme(request)
    periods = recent_periods(_granularity(request), PERIODS_SHOWN)
    rows = kpis.kpi_table(programme, periods)
    return exports.list_export(file_format, f"kpi-{programme.slug}", export_columns(periods), rows)


@login_required
def kpi_create(request):
    require(request.user, "kpi.manage")
    programme = _programme(request)
    form = KpiForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        kpi = form.save()
        messages.success(request, _("The KPI %(name)s was added.") % {"name": kpi.name})
        return redirect(table_url(programme))
    return render(request, "reporting/kpi_form.html", {"form": form, "programme": programme, "section": SECTION})


@login_required
def kpi_edit(request, pk: int):
    require(request.user, "kpi.manage")
    kpi = _kpi(request, pk)
    form = KpiForm(request.POST or None, instance=kpi, programme=kpi.programme)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The KPI %(name)s was saved.") % {"name": kpi.name})
        return redirect(table_url(kpi.programme))
    context = {"form": form, "programme": kpi.programme, "kpi": kpi, "section": SECTION}
    return render(request, "reporting/kpi_form.html", context)


@login_required
def kpi_delete(request, pk: int):
    require(request.user, "kpi.manage")
    kpi = _kpi(request, pk)
    if request.method == "POST":
        programme, name = kpi.programme, kpi.name
        kpi.delete()
        messages.success(request, _("The KPI %(name)s and its values were deleted.") % {"name": name})
        return redirect(table_url(programme))
    return render(request, "reporting/kpi_delete.html", {"kpi": kpi, "values": kpi.values.count(), "section": SECTION})


@login_required
def kpi_values(request, pk: int):
    """A KPI's stored values; entered KPIs take new values here, computed ones freeze a period's value."""
    require(request.user, "kpi.manage")
    kpi = _kpi(request, pk)
    entered = kpi.source == KpiSource.ENTERED
    value_form = KpiValueForm(kpi=kpi) if entered else None
    freeze_form = None if entered else FreezeForm()
    if request.method == "POST":
        if entered:
            value_form = KpiValueForm(request.POST, kpi=kpi)
            if value_form.is_valid():
                value = value_form.save(commit=False)
                value.entered_by = request.user
                value.save()
                messages.success(request, _("The value for %(period)s was saved.") % {"period": value.period})
                return redirect("reporting:kpi_values", pk=kpi.pk)
        else:
            freeze_form = FreezeForm(request.POST)
            if freeze_form.is_valid():
                period = freeze_form.cleaned_data["period"]
                try:
                    stored = kpis.freeze(kpi, period, request.user)
                except kpis.AlreadyFrozen:
                    freeze_form.add_error("period", _("This period is already frozen."))
                except kpis.NothingToFreeze:
                    freeze_form.add_error("period", _("There is no computed value to freeze for this period."))
                else:
                    messages.success(
                        request,
                        _("%(period)s is frozen at %(value)s.") % {"period": stored.period, "value": stored.value},
                    )
                    return redirect("reporting:kpi_values", pk=kpi.pk)
    context = {
        "kpi": kpi,
        "values": kpi.values.select_related("entered_by"),
        "value_form": value_form,
        "freeze_form": freeze_form,
        "metric": kpi_metrics.METRICS.get(kpi.metric),
        "section": SECTION,
    }
    return render(request, "reporting/kpi_values.html", context)


@require_POST
@login_required
def kpi_value_delete(request, pk: int, value_pk: int):
    """Delete an entered value, or unfreeze a computed one (it then follows the records again)."""
    require(request.user, "kpi.manage")
    kpi = _kpi(request, pk)
    value = get_object_or_404(kpi.values, pk=value_pk)
    value.delete()
    messages.success(request, _("The value for %(period)s was removed.") % {"period": value.period})
    return redirect("reporting:kpi_values", pk=kpi.pk)
