"""The excellence lists as CSV or XLSX: assessment rounds, self-assessments and indicator catalogue versions. Each
export takes its rows from the function its page uses (same filters, same visibility, every row rather than one
page) and writes them through the one export helper (core/exports.py)."""

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.exports import Column, list_export, yes_no

from .views_assessments.pages import listed_assessments
from .views_assessments.rounds import NO_ROUNDS, _refuse, may_see_rounds, visible_rounds
from .views_catalogue import listed_catalogues


def _absolute(request, path):
    return request.build_absolute_uri(path)


def _page(request, name, key):
    return _absolute(request, reverse(name, args=[key]))


def round_columns(request) -> list[Column]:
    return [
        Column(_("Round"), lambda r: r.name),
        Column(_("Programme"), lambda r: r.programme.name),
        Column(_("Opens"), lambda r: r.opens_on),
        Column(_("Closes"), lambda r: r.closes_on),
        Column(_("Catalogue"), lambda r: r.catalogue.name),
        Column(_("Demo data"), lambda r: yes_no(r.is_demo)),
        Column(_("Page"), lambda r: _page(request, "excellence:round", r.slug)),
    ]


@login_required
def rounds_export(request, file_format):
    if not may_see_rounds(request.user):
        return _refuse(request, NO_ROUNDS)
    return list_export(file_format, "bedomningsomgangar", round_columns(request), visible_rounds(request.user))


def _assessor(assessment):
    person = assessment.assessor
    return (person.full_name or person.email) if person else None


def assessment_columns(request) -> list[Column]:
    return [
        Column(_("Cluster"), lambda a: a.cluster.name),
        Column(_("Round"), lambda a: a.round.name),
        Column(_("Programme"), lambda a: a.round.programme.name),
        Column(_("Status"), lambda a: a.get_status_display()),
        Column(_("Assessor"), _assessor),
        Column(_("Size class"), lambda a: a.get_size_class_display()),
        Column(_("Submitted"), lambda a: a.submitted_at.date() if a.submitted_at else None),
        Column(_("Validated"), lambda a: a.validated_at.date() if a.validated_at else None),
        Column(_("Version"), lambda a: a.version),
        Column(_("Demo data"), lambda a: yes_no(a.is_demo)),
        Column(_("Page"), lambda a: _absolute(request, a.get_absolute_url())),
    ]


@login_required
def assessments_export(request, file_format):
    _filters, assessments = listed_assessments(request)
    return list_export(file_format, "bedomningar", assessment_columns(request), assessments)


def catalogue_columns(request) -> list[Column]:
    return [
        Column(_("Catalogue"), lambda v: v.name),
        Column(_("Code"), lambda v: v.code),
        Column(_("Indicators"), lambda v: v.indicator_count),
        Column(_("Previous version"), lambda v: v.previous.code if v.previous else None),
        Column(_("Created"), lambda v: v.created_at.date()),
        Column(_("Page"), lambda v: _page(request, "excellence:catalogue", v.code)),
    ]


def catalogues_export(request, file_format):
    return list_export(file_format, "indikatorkataloger", catalogue_columns(request), listed_catalogues())
