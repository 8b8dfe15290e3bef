"""The benchmark report page and its PDF (same sections, same SVG charts)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from klusterplattform.core.charts import Row, bar_chart, distribution_chart
from klusterplattform.core.i18n import LANGUAGE_CODES
from klusterplattform.core.pdf import pdf_response

from .benchmark import build_report
from .benchmark.groups import parse_key
from .benchmark.presentation import Figures, present
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


def add_charts(report) -> dict:
    """The figures as text (`shown`, see benchmark/presentation.py), the area profile chart and one position chart
    per indicator with a distribution (set as row.chart); the numbers are formatted once and shared."""
    shown = present(report)
    if shown is None:
        return {}
    profile = bar_chart(
        [Row(area.label, source.score, area.score) for area, source in zip(shown.areas, report.areas, strict=True)],
        title=_("Area profile against the peers"),
        desc=_("Position per area from 0 to 100, where 50 is the middle of the peers. %(areas)s")
        % {"areas": "; ".join(f"{area.label}: {area.score}" for area in shown.areas)},
        reference=50,
    )
    title = _("%(code)s against the peers")
    desc = _(
        "The cluster's value %(value)s; the peers' median %(median)s, quartiles %(q1)s and %(q3)s, "
        "range %(low)s to %(high)s."
    )
    figure = Figures()

    def spoken(value):
        # Rounded before writing, as the descriptions always were: 79.99999 reads "80", where the table has "80,0".
        return figure(None if value is None else round(value, 1))

    for row, result in zip(shown.rows, report.indicators, strict=True):
        standing = result.standing
        if row.compared:
            row.chart = distribution_chart(
                result.value,
                standing.q1,
                standing.median,
                standing.q3,
                standing.low,
                standing.high,
                title=title % {"code": row.code},
                desc=desc
                % {
                    "value": spoken(result.value),
                    "median": spoken(standing.median),
                    "q1": spoken(standing.q1),
                    "q3": spoken(standing.q3),
                    "low": spoken(standing.low),
                    "high": spoken(standing.high),
                },
            )
    return {"shown": shown, "profile_chart": profile}


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
