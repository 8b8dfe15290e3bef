"""Pages of the needs analysis: the analysis (page, XLSX, PDF), the stated-needs survey, focus-area configuration.

Who sees what is decided in needs/access.py; the figures come from needs/analysis.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klusterplattform.core.charts import Row, bar_chart
from klusterplattform.core.exports import workbook_response
from klusterplattform.core.pdf import pdf_response
from klusterplattform.core.permissions import check
from klusterplattform.excellence.benchmark.maths import MIN_GROUP
from klusterplattform.excellence.models import AssessmentRound
from klusterplattform.registry.models import ClusterOrganisation, Programme

from .forms_needs import FocusAreaForm, survey_form
from .models import FocusArea
from .needs import access, analysis, sheets, stated
from .permissions import participating_cluster_ids


def programme_or_404(request, slug) -> Programme:
    return get_object_or_404(Programme, slug=slug)


def refuse(user, programme):
    """404 when the user may not know the programme exists, else 403."""
    if access.sees_programme(user, programme):
        raise PermissionDenied
    raise Http404


def analysis_for(request, slug) -> analysis.NeedsAnalysis:
    """The analysis the user may read (the round from ?round=<slug>, else the latest with validated assessments)."""
    programme = programme_or_404(request, slug)
    if not access.may_view(request.user, programme):
        refuse(request.user, programme)
    rounds = analysis.rounds_of(programme)
    requested = request.GET.get("round") or None
    round = analysis.choose_round(rounds, requested)
    if requested and round is None:
        raise Http404
    return analysis.analyse(programme, round, access.audience(request.user, programme), rounds)


def focus_chart(result):
    rows = [Row(f.focus_area.name, f.score) for f in result.focus]
    described = "; ".join(f"{f.focus_area.name}: {'–' if f.score is None else round(f.score)} %" for f in result.focus)
    return bar_chart(
        rows,
        title=_("Share of clusters below the peers' median, per focus area"),
        desc=_(
            "Mean share of the programme's clusters below the European peers' median on the focus area's "
            "indicators, 0–100 %%. %(areas)s"
        )
        % {"areas": described},
        reference=50,
    )


def context_for(request, result) -> dict:
    slug = result.programme.slug
    query = f"?round={result.round.slug}" if result.round else ""
    return {
        "programme": result.programme,
        "result": result,
        "chart": focus_chart(result) if result.aggregate_shown else None,
        "xlsx_url": reverse("activities:needs_xlsx", args=[slug]) + query,
        "pdf_url": reverse("activities:needs_pdf", args=[slug]) + query,
        "may_manage_focus": access.may_manage_focus(request.user, result.programme),
        "survey_clusters": _survey_clusters(request.user, result),
        "min_group": MIN_GROUP,
    }


def _survey_clusters(user, result):
    """The user's own participating clusters, for links to the survey of the chosen round."""
    if result.round is None or not result.audience.own_cluster_ids:
        return []
    ids = result.audience.own_cluster_ids & participating_cluster_ids(result.programme)
    return list(ClusterOrganisation.objects.filter(pk__in=ids).order_by("sort_name"))


@login_required
def needs_analysis(request, slug):
    result = analysis_for(request, slug)
    return render(request, "activities/needs_analysis.html", context_for(request, result))


@login_required
def needs_xlsx(request, slug):
    result = analysis_for(request, slug)
    return workbook_response(f"behovsanalys-{result.programme.slug}", sheets.workbook(result))


@login_required
def needs_pdf(request, slug):
    result = analysis_for(request, slug)
    context = {**context_for(request, result)}
    return pdf_response(request, "activities/needs_print.html", context, f"needs-{result.programme.slug}.pdf")


# The stated-needs survey


@login_required
def stated_needs(request, slug, round_slug, cluster_slug):
    programme = programme_or_404(request, slug)
    round = get_object_or_404(AssessmentRound, programme=programme, slug=round_slug)
    cluster = get_object_or_404(ClusterOrganisation, slug=cluster_slug)
    if not check(request.user, "needs.state", cluster):
        if check(request.user, "cluster.view", cluster):
            raise PermissionDenied
        raise Http404
    if cluster.pk not in participating_cluster_ids(programme):
        raise Http404
    focus_areas = stated.focus_areas_of(round)
    form_class = survey_form(focus_areas)
    is_open = stated.is_open(round)
    current = stated.current(round, cluster)
    if request.method == "POST" and is_open:
        form = form_class(request.POST)
        if form.is_valid():
            try:
                stated.save(round, cluster, request.user, focus_areas, form.cleaned_data)
            except stated.SurveyClosed:
                is_open = False
            else:
                messages.success(request, _("Your cluster's needs have been saved."))
                return redirect(request.path)
    else:
        form = form_class(initial=stated.initial(current, focus_areas))
    if not is_open:
        for field in form.fields.values():
            field.disabled = True
    context = {
        "programme": programme,
        "round": round,
        "cluster": cluster,
        "form": form,
        "is_open": is_open,
        "current": current,
        "focus_areas": focus_areas,
        "closed_post": request.method == "POST" and not is_open,
    }
    return render(request, "activities/needs_survey.html", context, status=200)


# Focus-area configuration


def managed_programme(request, slug) -> Programme:
    programme = programme_or_404(request, slug)
    if not access.may_manage_focus(request.user, programme):
        refuse(request.user, programme)
    return programme


def focus_areas_of(programme) -> tuple[list, list]:
    """(the programme's own focus areas, the defaults it uses when it has none): the page and its export
    (views_programme_exports.py) share them."""
    own = list(FocusArea.objects.filter(programme=programme).prefetch_related("indicators"))
    defaults = [] if own else list(FocusArea.objects.filter(programme__isnull=True).prefetch_related("indicators"))
    return own, defaults


@login_required
def focus_list(request, slug):
    programme = managed_programme(request, slug)
    own, defaults = focus_areas_of(programme)
    context = {"programme": programme, "own": own, "defaults": defaults}
    return render(request, "activities/focus_list.html", context)


@login_required
@require_POST
def focus_adopt(request, slug):
    from .needs.focus import adopt_defaults

    programme = managed_programme(request, slug)
    adopt_defaults(programme)
    messages.success(request, _("The default focus areas are now the programme's own; change them as you need."))
    return redirect("activities:focus_list", slug=programme.slug)


def _focus_form_page(request, programme, instance=None):
    form = FocusAreaForm(request.POST or None, instance=instance, programme=programme)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("The focus area has been saved."))
        return redirect("activities:focus_list", slug=programme.slug)
    return render(request, "activities/focus_form.html", {"programme": programme, "form": form, "focus_area": instance})


@login_required
def focus_create(request, slug):
    programme = managed_programme(request, slug)
    return _focus_form_page(request, programme)


@login_required
def focus_edit(request, slug, pk):
    programme = managed_programme(request, slug)
    focus_area = get_object_or_404(FocusArea, programme=programme, pk=pk)
    return _focus_form_page(request, programme, focus_area)


@login_required
def focus_delete(request, slug, pk):
    programme = managed_programme(request, slug)
    focus_area = get_object_or_404(FocusArea, programme=programme, pk=pk)
    if request.method == "POST":
        focus_area.delete()
        messages.success(request, _("The focus area has been deleted."))
        return redirect("activities:focus_list", slug=programme.slug)
    return render(request, "activities/focus_delete.html", {"programme": programme, "focus_area": focus_area})
