"""Reports and exports: the programme and regional reports (PDF or XLSX), a cluster's fact sheet (PDF) and the
evaluation data export (XLSX or a zip of CSV files).

Each report reads its scope like the dashboard does (scoping.scope_from_request), so a download has exactly the
figures of the page, in the active language (/uppfoljning/... Swedish, /en/uppfoljning/... English). Permissions:
dashboard.view for the reports (a regional officer only for their regions), factsheet.view on the cluster,
evaluation.export for the export. Whatever the reader may not see is a 404; anonymous readers are sent to sign in.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from klusterplattform.core.exports import FORMATS, to_workbook
from klusterplattform.core.pdf import pdf_response
from klusterplattform.core.permissions import check
from klusterplattform.registry.choices import RegionLevel
from klusterplattform.registry.models import ClusterOrganisation, Region

from .figures import build_all
from .reports import evaluation_export as export
from .reports import factsheet as factsheets
from .reports import programme, regional
from .scoping import scope_from_request

ZIP = "application/zip"


def attachment(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def _scope_or_error(request, region=None):
    """The request's scope, or the response that refuses it: 400 with the form's errors for bad input (an unknown
    programme, a malformed date), 404 when the reader may see no such programme or region."""
    scope, form = scope_from_request(request, region=region)
    if scope is not None:
        return scope, None
    if form.is_bound and form.errors and "region" not in form.errors:  # a region one may not see is a 404
        problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())
        return None, HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
    raise Http404


def _report(request, scope, file_format, *, kind, title, template, built, sheets, region=None, extra=None):
    meta = programme.meta_for(scope)
    name = programme.filename(kind, scope, file_format, region=region)
    if file_format == "xlsx":
        body = to_workbook([programme.about_sheet(meta), *sheets])
        return attachment(body, FORMATS["xlsx"], name)
    context = {
        "report_title": title,
        "meta": meta,
        "scope": scope,
        "shown_sections": programme.shown_sections(built),
        **(extra or {}),
    }
    return pdf_response(request, template, context, name)


@login_required
def programme_report(request, file_format):
    if file_format not in ("pdf", "xlsx") or not check(request.user, "dashboard.view"):
        raise Http404
    scope, refusal = _scope_or_error(request)
    if refusal:
        return refusal
    built = build_all(scope)
    title = _("Programme report: %(programme)s") % {"programme": scope.programme.name}
    return _report(
        request,
        scope,
        file_format,
        kind="programme-report",
        title=title,
        template="reporting/report_programme.html",
        built=built,
        sheets=programme.section_sheets(built),
    )


@login_required
def region_report(request, code, file_format):
    region = Region.objects.filter(code=code, country="SE", level=RegionLevel.COUNTY).first()
    if file_format not in ("pdf", "xlsx") or region is None or not check(request.user, "dashboard.view", region):
        raise Http404
    scope, refusal = _scope_or_error(request, region=region)
    if refusal:
        return refusal
    regional_section, built = regional.build_region_report(scope, region)
    title = _("Regional report: %(region)s") % {"region": region.name}
    return _report(
        request,
        scope,
        file_format,
        kind="regional-report",
        title=title,
        template="reporting/report_region.html",
        built=built,
        sheets=regional.region_sheets(regional_section, built),
        region=region,
        extra={"region": region, "regional": regional.shown_regional(regional_section)},
    )


@login_required
def factsheet(request, slug):
    cluster = get_object_or_404(ClusterOrganisation, slug=slug)
    if not check(request.user, "factsheet.view", cluster):
        raise Http404
    sheet = factsheets.build(cluster, timezone.localdate())
    filename = f"factsheet-{cluster.slug}-{sheet.day:%Y-%m-%d}-{get_language()}.pdf"
    return pdf_response(request, "reporting/factsheet.html", {"sheet": sheet}, filename)


@login_required
def evaluation_export(request, file_format):
    if file_format not in ("xlsx", "zip") or not check(request.user, "evaluation.export"):
        raise Http404
    scope, refusal = _scope_or_error(request)
    if refusal:
        return refusal
    topics = export.all_topics(scope)
    name = programme.filename("evaluation-data", scope, file_format)
    if file_format == "xlsx":
        return attachment(export.workbook(topics), FORMATS["xlsx"], name)
    return attachment(export.zip_archive(topics, scope), ZIP, name)
