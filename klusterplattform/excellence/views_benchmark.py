"""The benchmark report page and its PDF (same sections, same SVG charts)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from klusterplattform.core.charts import Row, bar_chart, distribution_chart
from klusterplattform.core.i18n import LANGUAGE_CODES
from klusterplattform.core.pdf import pdf_response

from .benchmark import build_report
from .benchmark.groups import parse_key
from .models import Assessment


def assessment_for(request, pk: int) -> Assessment:
    """The assessment when the user may see it (assessment.view); otherwise it does not exist for them (404)."""
    assessments = Assessment.objects.visible_to(request.user).select_related("cluster", "round")
    return get_object_or_404(assessments, pk=pk)


def requested_group(request) -> str:
    group = request.GET.get("group") or "all"
    try:
        parse_key(group)
    except ValueError:
        return "all"
    return group


def _figure(value, digits: int = 1) -> str:
    """A number as the page's tables write it: rounded, no trailing zeros, the language's decimal mark."""
    if value is None:
        return "–"
    rounded = round(value, digits)
    return number_format(int(rounded) if rounded == int(rounded) else rounded)


def add_charts(report) -> dict:
    """The area profile chart and one position chart per indicator with a distribution (set as result.chart)."""
    if not report.shown:
        return {}
    descriptions = [f"{area.label}: {_figure(area.score, 0)}" for area in report.areas]
    profile = bar_chart(
        [Row(area.label, area.score, _figure(area.score, 0)) for area in report.areas],
        title=_("Area profile against the peers"),
        desc=_("Position per area from 0 to 100, where 50 is the middle of the peers. %(areas)s")
        % {"areas": "; ".join(descriptions)},
        reference=50,
    )
    for result in report.indicators:
        result.chart = None
        standing = result.standing
        if standing.has_distribution:
            result.chart = distribution_chart(
                result.value,
                standing.q1,
                standing.median,
                standing.q3,
                standing.low,
                standing.high,
                title=_("%(code)s against the peers") % {"code": result.indicator.code},
                desc=_(
                    "The cluster's value %(value)s; the peers' median %(median)s, quartiles %(q1)s and %(q3)s, "
                    "range %(low)s to %(high)s."
                )
                % {
                    "value": _figure(result.value),
                    "median": _figure(standing.median),
                    "q1": _figure(standing.q1),
                    "q3": _figure(standing.q3),
                    "low": _figure(standing.low),
                    "high": _figure(standing.high),
                },
            )
    return {"profile_chart": profile}


def assessment_url(assessment) -> str | None:
    """The assessment's own page, once the assessments part provides it."""
    try:
        return assessment.get_absolute_url()
    except NoReverseMatch:
        return None


@login_required
def benchmark(request, pk):
    assessment = assessment_for(request, pk)
    report = build_report(assessment, requested_group(request))
    context = {
        "assessment": assessment,
        "cluster": assessment.cluster,
        "report": report,
        "assessment_url": assessment_url(assessment),
        "pdf_url": f"{reverse('excellence:benchmark_pdf', args=[pk])}?group={report.group}",
        **add_charts(report),
    }
    return render(request, "excellence/benchmark.html", context)


@login_required
def benchmark_pdf(request, pk):
    assessment = assessment_for(request, pk)
    language = (request.GET.get("lang") or "")[:2].lower()
    if language not in LANGUAGE_CODES:
        language = translation.get_language()
    with translation.override(language):
        report = build_report(assessment, requested_group(request))
        context = {"assessment": assessment, "cluster": assessment.cluster, "report": report, **add_charts(report)}
        filename = f"benchmark-{slugify(assessment.cluster.slug)}-{assessment.pk}-{language}.pdf"
        return pdf_response(request, "excellence/benchmark_print.html", context, filename)
