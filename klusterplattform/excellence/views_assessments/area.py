"""Filling in one area of a self-assessment: its indicators as a form, evidence files, previous and next area."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import answering
from .. import evidence as evidence_files
from ..choices import Area
from ..forms_assessments import AreaForm
from .common import assessment_for, edit_refusal


def catalogue_areas(indicators) -> list[tuple[str, str]]:
    present = {indicator.area for indicator in indicators}
    return [(area.value, area.label) for area in Area if area.value in present]


class _Rollback(Exception):
    """Undo the answers when an evidence file could not be stored: nothing half-written."""


def _save(form, assessment, user, answers) -> dict:
    try:
        with transaction.atomic():
            errors = answering.save_answers(assessment, user, form.answer_values(answers))
            if errors:
                return errors
            for indicator, upload in form.uploads():
                try:
                    evidence_files.attach(assessment, indicator, upload, user)
                except ValidationError as error:
                    errors[indicator.code] = error.messages[0]
                    raise _Rollback from None
    except _Rollback:
        return errors
    return {}


def _fields_with_files(form, assessment) -> list:
    """(bound field, its evidence files) in the catalogue's order."""
    files = list(assessment.evidence.all())
    return [
        (form[code], [item for item in files if item.indicator_id == indicator.pk])
        for code, indicator in form.indicators.items()
    ]


@login_required
def assessment_area(request, pk, area):
    assessment = assessment_for(request, pk)
    refused = edit_refusal(request, assessment)
    if refused:
        return refused
    indicators = list(assessment.catalogue.indicators.all())
    areas = catalogue_areas(indicators)
    codes = [code for code, _label in areas]
    if area not in codes:
        raise Http404
    in_area = [indicator for indicator in indicators if indicator.area == area]
    answers = {a.indicator_id: a for a in assessment.answers.filter(indicator__in=in_area)}
    posted = request.method == "POST"
    form = AreaForm(in_area, answers, request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        errors = _save(form, assessment, request.user, answers)
        for code, message in errors.items():
            form.add_error(code if code in form.fields else None, message)
        if not errors:
            messages.success(request, _("Your answers are saved."))
            following = codes.index(area) + 1
            if "next" in request.POST and following < len(codes):
                return redirect("excellence:assessment_area", pk=assessment.pk, area=codes[following])
            return redirect("excellence:assessment_area", pk=assessment.pk, area=area)
    position = codes.index(area)
    context = {
        "assessment": assessment,
        "form": form,
        "area": area,
        "area_label": dict(areas)[area],
        "areas": areas,
        "previous": areas[position - 1] if position > 0 else None,
        "next": areas[position + 1] if position + 1 < len(areas) else None,
        "fields": _fields_with_files(form, assessment),
    }
    return render(request, "excellence/assessment_area.html", context)
