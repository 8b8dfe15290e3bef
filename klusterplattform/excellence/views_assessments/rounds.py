"""Assessment rounds: the list, creating one (officers), and a round's clusters with their assessment status."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from klusterplattform.core.permissions import check
from klusterplattform.registry.models import ClusterOrganisation, Programme
from klusterplattform.registry.views.cluster_edit import refuse as refuse_for_cluster
from klusterplattform.registry.views.paging import paginate

from .. import services
from ..forms_assessments import RoundForm
from ..models import Assessment, AssessmentRound

NO_ROUNDS = gettext_lazy(
    "Assessment rounds are for cluster managers, assessors and programme staff. If you should be one of them, ask "
    "the programme office for access."
)
MAY_NOT_MANAGE = gettext_lazy("Only programme officers create assessment rounds.")
MAY_NOT_START = gettext_lazy(
    "Only the cluster organisation's own managers and programme officers start its assessment."
)


def visible_rounds(user):
    """Rounds of the programmes the user may see (an unpublished programme's rounds are the staff's), as the API."""
    programmes = Programme.objects.visible_to(user)
    return AssessmentRound.objects.filter(programme__in=programmes).select_related("programme", "catalogue")


def may_see_rounds(user) -> bool:
    """Rounds are the way into self-assessments: for whoever may see, start or organise any."""
    return any(check(user, action) for action in ("assessment.view", "assessment.start", "round.manage"))


def _refuse(request, explanation):
    return render(request, "403.html", {"explanation": explanation}, status=403)


@login_required
def round_list(request):
    if not may_see_rounds(request.user):
        return _refuse(request, NO_ROUNDS)
    rounds = visible_rounds(request.user)
    context = {
        "page": paginate(request, rounds),
        "today": timezone.localdate(),
        "may_manage": check(request.user, "round.manage"),
    }
    return render(request, "excellence/round_list.html", context)


@login_required
def round_create(request):
    if not check(request.user, "round.manage"):
        return _refuse(request, MAY_NOT_MANAGE)
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = form.save()
        messages.success(request, _("The round %(round)s is created.") % {"round": created.name})
        return redirect("excellence:round", slug=created.slug)
    return render(request, "excellence/round_create.html", {"form": form})


def round_rows(user, assessment_round):
    """(cluster, assessment or None, may start) for the programme's clusters this user has business with."""
    clusters = (
        ClusterOrganisation.objects.filter(participations__programme=assessment_round.programme)
        .prefetch_related("regions")
        .order_by("sort_name", "pk")
    )
    assessments = {
        a.cluster_id: a
        for a in Assessment.objects.filter(round=assessment_round)
        .select_related("assessor")
        .prefetch_related("cluster__regions")
    }
    rows = []
    for cluster in clusters:
        assessment = assessments.get(cluster.pk)
        may_start = check(user, "assessment.start", cluster).allowed
        may_view = assessment is not None and check(user, "assessment.view", assessment).allowed
        if may_start or may_view:
            rows.append({"cluster": cluster, "assessment": assessment, "may_start": may_start, "may_view": may_view})
    return rows


@login_required
def round_detail(request, slug):
    if not may_see_rounds(request.user):
        return _refuse(request, NO_ROUNDS)
    assessment_round = get_object_or_404(visible_rounds(request.user), slug=slug)
    context = {"round": assessment_round, "rows": round_rows(request.user, assessment_round)}
    return render(request, "excellence/round_detail.html", context)


@require_POST
@login_required
def round_start(request, slug):
    assessment_round = get_object_or_404(visible_rounds(request.user), slug=slug)
    clusters = ClusterOrganisation.objects.visible_to(request.user).prefetch_related("regions")
    cluster = get_object_or_404(clusters, slug=request.POST.get("cluster", ""))
    try:
        assessment, created = services.start_assessment(request.user, assessment_round, cluster)
    except PermissionDenied:
        return refuse_for_cluster(request, cluster, MAY_NOT_START)
    if created:
        messages.success(request, _("The self-assessment of %(cluster)s is started.") % {"cluster": cluster.name})
    else:
        messages.info(
            request,
            _("%(cluster)s already has a self-assessment in this round; here it is.") % {"cluster": cluster.name},
        )
    return redirect(assessment.get_absolute_url())
