"""Pages of the official labels: the register, a cluster's labels and renewal chains, recording a label, the
certificate download.

The register is public for labels of published clusters (label.view grants anonymous the published scope); roles
see more within their scope. Expiry notices and certificates are for the cluster's own managers and programme staff.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klusterplattform.core.exports import FORMATS, Column, export_response
from klusterplattform.core.permissions import check
from klusterplattform.registry.views.cluster_edit import cluster_for
from klusterplattform.registry.views.paging import paginate

from .forms_labels import LabelFilterForm, LabelForm
from .labels import (
    EXPIRY_WINDOWS,
    by_ladder,
    current_rules,
    expiring,
    label_status,
    lapsed_days,
    may_manage_labels_of,
    record_label,
)
from .models import Label
from .permissions import label_visibility_filter

MAY_NOT_SEE = gettext_lazy("You may not see the labels of this cluster organisation.")
MAY_NOT_RECORD = gettext_lazy(
    "Only programme officers record official labels, from the labelling body's decision and certificate."
)


def visible_labels(user):
    return Label.objects.filter(label_visibility_filter(user)).select_related("cluster", "renewed_by", "renews")


def with_status(labels, today, rules):
    for label in labels:
        label.status = label_status(label, today, rules)
        label.lapsed = lapsed_days(label)
    return labels


def label_register(request):
    today = timezone.localdate()
    filters = LabelFilterForm(request.GET)
    labels = filters.apply(visible_labels(request.user), today)
    page = paginate(request, labels)
    with_status(page.items, today, current_rules())
    context = {"filters": filters, "page": page, "today": today, "may_record": check(request.user, "label.record")}
    if context["may_record"]:
        # The officers' expiry list: counts per window, each a link to the filtered register.
        # Demo labels never count with real ones (ARCHITECTURE.md); the links filter them out the same way.
        base = Label.objects.filter(label_visibility_filter(request.user), is_demo=False)
        context["expiry_counts"] = [(days, expiring(base, today, days).count()) for days in EXPIRY_WINDOWS]
    return render(request, "excellence/label_register.html", context)


def export_columns() -> list[Column]:
    return [
        Column(_("Cluster"), lambda label: label.cluster.name),
        Column(_("Level"), lambda label: label.get_level_display()),
        Column(_("Awarding body"), lambda label: label.get_awarding_body_display()),
        Column(_("Assessment date"), lambda label: label.awarded_on),
        Column(_("Valid from"), lambda label: label.valid_from or label.awarded_on),
        Column(_("Valid until"), lambda label: label.valid_until),
        Column(_("Status"), lambda label: label.status.text),
        Column(_("Renews the label valid until"), lambda label: label.renews.valid_until if label.renews else None),
        Column(_("Report identifier"), lambda label: label.report_id),
        Column(_("Source"), lambda label: label.source_url),
        Column(_("Demo data"), lambda label: _("yes") if label.is_demo else _("no")),
    ]


def label_export(request, file_format):
    if file_format not in FORMATS:
        raise Http404
    today = timezone.localdate()
    labels = list(LabelFilterForm(request.GET).apply(visible_labels(request.user), today))
    with_status(labels, today, current_rules())
    return export_response(file_format, "etiketter", export_columns(), labels)


def cluster_labels(request, slug):
    cluster, refused = cluster_for(request, slug, "label.view", MAY_NOT_SEE)
    if refused:
        return refused
    today = timezone.localdate()
    labels = with_status(
        by_ladder(cluster.labels.select_related("renewed_by", "renews")),
        today,
        current_rules(),
    )
    current = [label for label in labels if label.status.code not in ("renewed", "expired")]
    may_manage = may_manage_labels_of(request.user, cluster)
    context = {
        "cluster": cluster,
        "current": sorted(current, key=lambda label: label.valid_until),
        "history": labels,
        "expiring": [label for label in current if label.status.is_expiring] if may_manage else [],
        "may_manage": may_manage,
        "may_record": check(request.user, "label.record", cluster),
        "today": today,
    }
    return render(request, "excellence/label_cluster.html", context)


@login_required
def label_create(request, slug):
    cluster, refused = cluster_for(request, slug, "label.record", MAY_NOT_RECORD)
    if refused:
        return refused
    form = LabelForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            label, result = record_label(
                request.user,
                cluster,
                data["level"],
                data["assessed_on"],
                data["awarding_body"],
                report_id=data["report_id"],
                source_url=data["source_url"],
                certificate=data["certificate"],
            )
        except PermissionDenied:
            return render(request, "403.html", {"cluster": cluster, "explanation": MAY_NOT_RECORD}, status=403)
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, recorded_message(label, result))
            return redirect("excellence:cluster_labels", slug=cluster.slug)
    return render(request, "excellence/label_create.html", {"cluster": cluster, "form": form})


def recorded_message(label, result) -> str:
    text = _("%(level)s label recorded: valid from %(start)s until %(end)s.") % {
        "level": label.get_level_display(),
        "start": result.valid_from.isoformat(),
        "end": result.valid_until.isoformat(),
    }
    if result.renews is not None:
        text += " " + _("It renews the label that was valid until %(day)s.") % {
            "day": result.renews.valid_until.isoformat()
        }
    if result.lapsed_days:
        text += " " + _("The renewal was assessed %(days)s days after the previous label expired.") % {
            "days": result.lapsed_days
        }
    return text


def label_certificate(request, pk):
    visible = Label.objects.filter(label_visibility_filter(request.user)).select_related("cluster")
    label = get_object_or_404(visible, pk=pk)
    if not label.certificate or not may_manage_labels_of(request.user, label.cluster):
        raise Http404
    filename = f"certifikat-{label.cluster.slug}-{label.level}-{label.awarded_on:%Y-%m-%d}.pdf"
    certificate = label.certificate.open("rb")
    return FileResponse(certificate, as_attachment=True, filename=filename, content_type="application/pdf")
