"""Officers' pages for personal data (GDPR): find a person by e-mail, download what is held, erase it.

Every step is a POST carrying the address in its body: an e-mail address in a URL would end up in access logs,
browser history and Referer headers. Nothing here may be cached.
"""

import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from klusterplattform.core.permissions import check

from . import people
from .forms_people import HiddenPersonForm, PersonForm

EVENTS_SHOWN = 10


def _officers_only(view):
    @wraps(view)
    @never_cache
    def wrapper(request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not check(request.user, "person.manage_data"):
            raise Http404  # for anyone without the permission these pages do not exist
        return view(request)

    return wrapper


def _search_page(request, form, nothing_held=""):
    return render(request, "registry/people/search.html", {"form": form, "nothing_held": nothing_held})


def _posted_person(request):
    """The person named by a hidden e-mail field, or None when the form was tampered with."""
    form = HiddenPersonForm(request.POST)
    return people.find(form.cleaned_data["email"]) if form.is_valid() else None


@_officers_only
def person_search(request):
    form = PersonForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return _search_page(request, form)
    person = people.find(form.cleaned_data["email"])
    if person.is_empty:
        return _search_page(request, form, nothing_held=person.email)
    events_by = person.events_by()
    context = {
        "person": person,
        "hidden_form": HiddenPersonForm(initial={"email": person.email}),
        "events_by_count": events_by.count(),
        "latest_events_by": events_by[:EVENTS_SHOWN],
        "events_about_count": len(person.events_about()),
        "enrolled_since": people.enrolled_since(person.two_factor) if person.two_factor else None,
    }
    return render(request, "registry/people/summary.html", context)


@_officers_only
def person_export(request):
    person = _posted_person(request) if request.method == "POST" else None
    if person is None:
        return redirect("registry:people")
    if person.is_empty:
        return _search_page(request, PersonForm(initial={"email": person.email}), nothing_held=person.email)
    data = people.export(person.email)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="person-{timezone.localdate():%Y-%m-%d}.json"'
    response["Cache-Control"] = "no-store"
    return response


@_officers_only
def person_erase(request):
    """The first POST (from the summary) shows what will go; only the POST from that confirmation erases."""
    person = _posted_person(request) if request.method == "POST" else None
    if person is None:
        return redirect("registry:people")
    if person.is_empty:
        return _search_page(request, PersonForm(initial={"email": person.email}), nothing_held=person.email)
    if request.POST.get("confirm") != "yes":
        context = {"person": person, "hidden_form": HiddenPersonForm(initial={"email": person.email})}
        return render(request, "registry/people/erase_confirm.html", context)
    try:
        report = people.erase(person.email, erased_by=request.user)
    except people.ErasureRefused as refused:
        messages.error(request, str(refused))
        return redirect("registry:people")
    # The message names no address: messages may travel in a cookie.
    counts = {
        "records": report.tokens
        + report.grants
        + report.login_failures
        + report.two_factor
        + report.contacts
        + report.elsewhere,
        "invitations": report.invitations,
        "events": report.events_redacted,
    }
    if report.account_anonymised:
        text = _(
            "The person's data is erased. The account is anonymised and can no longer be used to sign in; "
            "%(records)s records were deleted, %(invitations)s invitations anonymised and %(events)s audit events "
            "redacted."
        )
    else:
        text = _(
            "The person's data is erased: %(records)s records were deleted, %(invitations)s invitations anonymised "
            "and %(events)s audit events redacted."
        )
    messages.success(request, text % counts)
    return redirect("registry:people")
