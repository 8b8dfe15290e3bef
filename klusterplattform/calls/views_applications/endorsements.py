"""The regional officers' pages: the endorsements waiting for their regions and answering one (confirm with the
region's S3 priority area, or decline with a reason). The rules are in ../endorsements.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, F, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klusterplattform.core.permissions import has_role

from .. import endorsements
from ..forms_applications import ConfirmEndorsementForm, DeclineEndorsementForm
from .common import refuse

NOT_REGIONAL = gettext_lazy("The regions' confirmations are answered by regional officers.")


def listed_endorsements(user):
    """Every endorsement the regional officer's regions answer, pending first, then the latest answered: the
    export's rows (views_list_exports.py); the page shows the pending ones and the latest 50 answers."""
    return endorsements.endorsements_for(user).order_by(
        Case(When(status="pending", then=0), default=1), F("decided_at").desc(nulls_last=True), "pk"
    )


@login_required
def endorsement_list(request):
    if not has_role(request.user, "regional_officer"):
        return refuse(request, NOT_REGIONAL)
    answered = endorsements.endorsements_for(request.user).exclude(status="pending")
    context = {
        "pending": list(endorsements.pending_for(request.user)),
        "answered": list(answered.order_by("-decided_at", "pk")[:50]),
    }
    return render(request, "calls/endorsement_list.html", context)


@login_required
def endorsement_answer(request, pk):
    endorsement = get_object_or_404(endorsements.endorsements_for(request.user), pk=pk)
    post = request.method == "POST"
    decision = request.POST.get("decision") if post else None
    confirm_form = ConfirmEndorsementForm(
        request.POST if decision == "confirm" else None,
        region=endorsement.region,
        initial={"priority_area": endorsement.priority_area_id},
    )
    decline_form = DeclineEndorsementForm(
        request.POST if decision == "decline" else None, initial={"reason": endorsement.reason}
    )
    form = {"confirm": confirm_form, "decline": decline_form}.get(decision)
    if form is not None and form.is_valid():
        try:
            if decision == "confirm":
                endorsements.confirm(endorsement, request.user, form.cleaned_data["priority_area"])
                messages.success(request, _("The region's priority is confirmed."))
            else:
                endorsements.decline(endorsement, request.user, form.cleaned_data["reason"])
                messages.success(request, _("The region's answer is recorded: declined."))
        except PermissionDenied as denied:
            return refuse(request, str(denied))
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
        else:
            return redirect("calls:endorsements")
    context = {
        "endorsement": endorsement,
        "application": endorsement.application,
        "confirm_form": confirm_form,
        "decline_form": decline_form,
        "answerable": endorsements.is_answerable(endorsement),
        "has_areas": confirm_form.fields["priority_area"].queryset.exists(),
    }
    return render(request, "calls/endorsement_form.html", context)
