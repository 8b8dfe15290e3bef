"""The funding-call register's pages: the list with filters and its CSV/XLSX export, a call's page, and entering,
changing and deleting a call by hand.

Who sees what is funding.view (published calls for everyone, unpublished ones for their author and officers); a
call the user may not see is a 404. Adding is funding.add; changing and deleting funding.edit (cluster managers: the
calls they entered; officers: all, imported ones too). Seen but not allowed is 403; anonymous visitors of the write
pages are sent to sign in.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from klusterplattform.core.exports import FORMATS, Column, export_response
from klusterplattform.core.paging import page_count, page_request
from klusterplattform.core.permissions import scope_ids
from klusterplattform.registry.countries import country_name
from klusterplattform.registry.models import ClusterOrganisation
from klusterplattform.registry.views.paging import Page

from .choices import CallStatus, Source
from .countdown import countdown
from .filters import FundingCallFilterForm, page_rows
from .forms import FundingCallEditor
from .html import plain_text
from .models import FundingCall
from .permissions import can

LIST_FIELDS = (
    "identifier",
    "title",
    "language",
    "programme",
    "funder",
    "time_zone",
    "opening_date",
    "opens_at",
    "closes_at",
    "source_status",
    "currency",
    "budget_min",
    "budget_max",
    "total_budget",
    "cluster_organisations_eligible",
    "is_published",
    "is_demo",
    "source",
    "created_at",
)


def refuse(request, explanation):
    return render(request, "403.html", {"explanation": explanation}, status=403)


def visible_calls(user):
    return FundingCall.objects.visible_to(user)


def visible_call(request, identifier: str) -> FundingCall:
    """The call if funding.view reaches it, else 404."""
    if "\x00" in identifier:
        raise Http404
    call = visible_calls(request.user).prefetch_related("deadlines").filter(identifier=identifier).first()
    if call is None:
        raise Http404
    return call


def filtered_calls(request):
    """(filter form, the matching calls in order) for the list, the export and the API."""
    calls = visible_calls(request.user)
    filters = FundingCallFilterForm(request.GET or None, calls=calls)
    return filters, filters.apply(calls)


def managed_clusters(user) -> list:
    """Clusters the signed-in user manages, for the "calls for your cluster" links."""
    if not user.is_authenticated:
        return []
    ids = scope_ids(user, "cluster_manager", "cluster_id")
    return list(ClusterOrganisation.objects.filter(pk__in=ids).order_by("name")) if ids else []


def paginate(request, calls) -> Page:
    """The registry's paging rule (a page past the end shows the last page), with the page's rows fetched by id."""
    total = calls.count()
    wanted = page_request(request.GET.get("page"))
    pages = page_count(total, wanted.size)
    number = min(wanted.page, pages)
    offset = (number - 1) * wanted.size
    items = page_rows(calls, offset, wanted.size, only=LIST_FIELDS, prefetch=["deadlines"]) if total else []
    return Page(items=items, total=total, number=number, page_count=pages, size=wanted.size)


def decorate(calls, now) -> None:
    """What the list shows per call, from the prefetched deadlines (no query per row)."""
    for call in calls:
        call.current_status = call.status_at(now)
        call.upcoming = call.next_deadline(now)
        call.countdown_text = countdown(call, now)


def call_list(request):
    now = timezone.now()
    filters, calls = filtered_calls(request)
    page = paginate(request, calls)
    decorate(page.items, now)
    context = {
        "filters": filters,
        "page": page,
        "may_add": bool(can(request.user, "funding.add")),
        "clusters": managed_clusters(request.user),
        "query": request.GET.urlencode() if request.GET else "",
        "section": "funding",
    }
    return render(request, "funding/call_list.html", context)


def _names(items) -> str:
    return "; ".join(str(item) for item in items)


def _deadlines(call) -> str:
    return "; ".join(f"{d.local_time():%Y-%m-%d %H:%M} {d.time_zone}" for d in call.deadlines.all())


def _yes_no(value) -> str:
    if value is None:
        return ""
    return str(_("yes") if value else _("no"))


def export_columns(request, now) -> list[Column]:
    label = gettext_lazy
    return [
        Column(label("Identifier"), lambda c: c.identifier),
        Column(label("Title"), lambda c: c.title),
        Column(label("Programme"), lambda c: c.programme),
        Column(label("Funder"), lambda c: c.funder),
        Column(label("Status"), lambda c: CallStatus(c.status_at(now)).label),
        Column(label("Deadline model"), lambda c: c.get_deadline_model_display()),
        Column(label("Deadlines"), _deadlines),
        Column(label("Opening date"), lambda c: c.opening_date),
        Column(label("Currency"), lambda c: c.currency),
        Column(label("Total budget"), lambda c: c.total_budget),
        Column(label("Budget per project, from"), lambda c: c.budget_min),
        Column(label("Budget per project, up to"), lambda c: c.budget_max),
        Column(label("Expected number of grants"), lambda c: c.expected_grants),
        Column(label("Funding rate up to (%)"), lambda c: c.funding_rate_max),
        Column(label("Eligible countries"), lambda c: ", ".join(country_name(x) for x in c.eligible_countries or [])),
        Column(label("Minimum number of partners"), lambda c: c.min_partners),
        Column(label("Minimum number of countries"), lambda c: c.min_countries),
        Column(label("Cluster organisations may apply"), lambda c: _yes_no(c.cluster_organisations_eligible)),
        Column(label("Industrial ecosystems"), lambda c: _names(c.ecosystems.all())),
        Column(label("Thematic tags"), lambda c: _names(c.tags.all())),
        Column(label("Cascade funding"), lambda c: _yes_no(c.is_cascade_funding)),
        Column(label("Source"), lambda c: c.get_source_display()),
        Column(label("Source URL"), lambda c: c.source_url),
        Column(label("Keywords"), lambda c: c.keywords),
        Column(label("Description"), lambda c: plain_text(c.description_html)),
        Column(label("Published"), lambda c: _yes_no(c.is_published)),
        Column(label("Demo data"), lambda c: _yes_no(c.is_demo)),
        Column(label("Page"), lambda c: request.build_absolute_uri(c.get_absolute_url())),
    ]


def call_export(request, file_format):
    """Every call the filters of the list select (all pages), in the list's order."""
    if file_format not in FORMATS:
        raise Http404
    now = timezone.now()
    _filters, calls = filtered_calls(request)
    calls = calls.prefetch_related("deadlines", "ecosystems", "tags")
    return export_response(file_format, "finansiering", export_columns(request, now), calls)


def call_detail(request, identifier):
    call = visible_call(request, identifier)
    now = timezone.now()
    user = request.user
    may_edit = bool(user.is_authenticated and can(user, "funding.edit", call))
    context = {
        "call": call,
        "status": call.status_at(now),
        "countdown_text": countdown(call, now),
        "deadlines": list(call.deadlines.all()),
        "upcoming": call.next_deadline(now),
        "ecosystems": list(call.ecosystems.all()),
        "tags": list(call.tags.all()),
        "countries": [country_name(code) for code in call.eligible_countries or []],
        "may_edit": may_edit,
        "imported": call.source == Source.EU_FUNDING_TENDERS,
        "section": "funding_call",
    }
    return render(request, "funding/call_detail.html", context)


def _form_page(request, editor, call):
    context = {
        "form": editor.form,
        "formset": editor.formset,
        "call": call,
        "imported": bool(call and call.source == Source.EU_FUNDING_TENDERS),
        "section": "funding_call",
    }
    return render(request, "funding/call_form.html", context)


@login_required
def call_add(request):
    if not can(request.user, "funding.add"):
        return refuse(request, _("Only officers and cluster managers add funding calls."))
    editor = FundingCallEditor(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and editor.is_valid():
        call = editor.save()
        messages.success(request, _("The funding call is saved."))
        return redirect(call)
    return _form_page(request, editor, None)


def _editable(request, identifier):
    """(call, None) when the user may change the call; (None, 403 page) when they see it but may not; 404 else."""
    call = visible_call(request, identifier)
    if not can(request.user, "funding.edit", call):
        return None, refuse(request, _("Cluster managers change only the funding calls they entered."))
    return call, None


@login_required
def call_edit(request, identifier):
    call, refusal = _editable(request, identifier)
    if refusal:
        return refusal
    editor = FundingCallEditor(request.POST if request.method == "POST" else None, instance=call, user=request.user)
    if request.method == "POST" and editor.is_valid():
        call = editor.save()
        messages.success(request, _("The funding call is saved."))
        return redirect(call)
    if request.method == "POST":
        call = visible_call(request, identifier)  # the page's title and links show the saved call
    return _form_page(request, editor, call)


@login_required
def call_delete(request, identifier):
    call, refusal = _editable(request, identifier)
    if refusal:
        return refusal
    if request.method == "POST":
        with transaction.atomic():
            call.delete()
        messages.success(request, _("The funding call %(identifier)s is deleted.") % {"identifier": call.identifier})
        return redirect("funding:calls")
    return render(request, "funding/call_confirm_delete.html", {"call": call, "section": "funding_call"})
