"""Label readiness pages: the estimate per level, the Silver improvement areas, and declarations with evidence."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klusterplattform.core.permissions import check
from klusterplattform.registry.views.cluster_edit import cluster_for

from .choices import ReadinessSource
from .forms_readiness import DeclarationForm, ImprovementAreasForm
from .models import LabelLevel, ReadinessCriterion, ReadinessDeclaration
from .readiness import assess_readiness

MAY_NOT_VIEW = gettext_lazy(
    "Only the cluster organisation's own managers, the regional officers of its region and programme staff may see "
    "its label readiness."
)
MAY_NOT_DOCUMENT = gettext_lazy(
    "Only the cluster organisation's own managers document improvement areas and declarations for label readiness."
)
LEVEL_ORDER = [level.value for level in LabelLevel]


@login_required
def readiness(request, slug):
    cluster, refused = cluster_for(request, slug, "readiness.view", MAY_NOT_VIEW)
    if refused:
        return refused
    context = {
        "cluster": cluster,
        "readiness": assess_readiness(cluster),
        "may_document": check(request.user, "readiness.document", cluster),
    }
    return render(request, "excellence/readiness.html", context)


@login_required
def improvement_areas(request, slug):
    cluster, refused = cluster_for(request, slug, "readiness.document", MAY_NOT_DOCUMENT)
    if refused:
        return refused
    # Bound on every POST, so that an empty one shows its errors instead of a blank form.
    data = request.POST if request.method == "POST" else None
    form = ImprovementAreasForm(data, cluster=cluster)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The improvement areas are saved."))
        return redirect(reverse("excellence:readiness", args=[cluster.slug]))
    return render(request, "excellence/readiness_improvement_areas.html", {"cluster": cluster, "form": form})


@login_required
def declaration(request, slug, code):
    cluster, refused = cluster_for(request, slug, "readiness.document", MAY_NOT_DOCUMENT)
    if refused:
        return refused
    criterion = _declaration_criterion(code)
    existing = ReadinessDeclaration.objects.filter(cluster=cluster, criterion=criterion).first()
    posted = request.method == "POST"
    form = DeclarationForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        cluster=cluster,
        criterion=criterion,
        declaration=existing,
    )
    if request.method == "POST" and form.is_valid():
        form.save(request.user)
        messages.success(request, _("The declaration for %(code)s is saved.") % {"code": criterion.code})
        return redirect(reverse("excellence:readiness", args=[cluster.slug]) + f"#{criterion.level}")
    context = {"cluster": cluster, "criterion": criterion, "declaration": existing, "form": form}
    return render(request, "excellence/readiness_declaration.html", context)


def _declaration_criterion(code: str) -> ReadinessCriterion:
    """The active declaration criterion with this code (codes are unique per level; the lowest level wins if an
    officer reused one)."""
    candidates = ReadinessCriterion.objects.filter(code=code, source=ReadinessSource.DECLARATION, is_active=True)
    found = sorted(candidates, key=lambda c: LEVEL_ORDER.index(c.level) if c.level in LEVEL_ORDER else 99)
    if not found:
        raise Http404(_("No declaration criterion has this code."))
    return found[0]
