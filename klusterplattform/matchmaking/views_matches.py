"""The match page: cluster organisations (and, as a second tab, member organisations) ranked for a cluster, a partner
search or a described need, each with its score and the reasons that make it up, and a thumbs up or down per match.

Signed-in users only (matches.find). A cluster or post the user cannot see is a 404. The member tab lists only the
organisations the user may see (their own clusters' members; officers all; nobody's for others), as the engine's
member_organisations_scope decides. Demo and real never mix (match_subjects.py). A vote is stored by
matching.service.record_feedback with the score and reasons the match has now; voting again changes the one vote.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klusterplattform.registry.views.paging import Page

from . import match_subjects
from .choices import DocumentKind, MatchSubject, Vote
from .forms_matches import SubjectForm, VoteForm
from .matching import service
from .permissions import member_organisations_scope

SECTION = "partner_search_post"  # the header shows the page as part of partner search
TABS = {"clusters": DocumentKind.CLUSTER, "organisations": DocumentKind.ORGANISATION}
TAB_OF = {kind: tab for tab, kind in TABS.items()}


@dataclass
class Row:
    match: object
    score: int
    vote: int | None
    via: object = None

    @property
    def anchor(self) -> str:
        return f"match-{self.match.kind}-{self.match.object.pk}"


def refuse(request, explanation, status=403):
    return render(request, "403.html", {"explanation": explanation}, status=status)


def _page_number(value) -> int:
    try:
        return max(1, min(int(value), service.MAX_PAGE))
    except (TypeError, ValueError):
        return 1


def matches_url(subject, tab: str = "clusters", page: int = 1, anchor: str = "") -> str:
    params = list(subject.params().items())
    if tab != "clusters":
        params.append(("tab", tab))
    if page > 1:
        params.append(("page", page))
    url = f"{reverse('matchmaking:matches')}?{urlencode(params, doseq=True)}"
    return f"{url}#{anchor}" if anchor else url


def subject_fields(subject) -> list[tuple[str, object]]:
    """The subject as hidden fields of the vote forms."""
    pairs = []
    for name, value in subject.params().items():
        pairs += [(name, item) for item in value] if isinstance(value, list) else [(name, value)]
    return pairs


def members_hidden(user) -> bool:
    scope = member_organisations_scope(user)
    return scope is not None and not scope.exists()


def _results(request, subject, need, kind) -> dict:
    user = request.user
    if kind == DocumentKind.ORGANISATION and members_hidden(user):
        return {"members_hidden": True}
    result = service.find(user, need, kind, _page_number(request.GET.get("page")))
    if not result.matches and result.total and result.page > result.pages:  # past the end: the last page
        result = service.find(user, need, kind, min(result.pages, service.MAX_PAGE))
    ids = [match.object.pk for match in result.matches]
    votes = match_subjects.votes(user, need, kind, ids)
    via = match_subjects.shown_via(user, result.matches) if kind == DocumentKind.ORGANISATION else {}
    rows = [Row(m, round(m.score), votes.get(m.object.pk), via.get(m.object.pk)) for m in result.matches]
    page_count = min(result.pages, service.MAX_PAGE)
    return {
        "page": Page(rows, result.total, min(result.page, page_count), page_count, result.per_page),
        "capped": result.total > service.MAX_PAGE * result.per_page,
        "shown_at_most": service.MAX_PAGE * result.per_page,
    }


def asked_subject(request):
    """(form, tab, subject, need) of the query string: subject and need are None when no subject is asked for; a
    subject the user cannot see is a 404, PermissionError when they may not ask. The page and its export
    (views_list_exports_matches.py) read the query this one way."""
    form = SubjectForm(request.GET or None)
    tab = request.GET.get("tab") if request.GET.get("tab") in TABS else "clusters"
    if form.is_bound and not form.is_valid() and form.subject_is_invalid:
        raise Http404
    if not (form.is_bound and form.is_valid() and form.has_subject()):
        return form, tab, None, None
    try:
        subject, need = match_subjects.resolve(request.user, **form.subject_arguments())
    except LookupError as unknown:
        raise Http404 from unknown
    return form, tab, subject, need


@login_required
def match_list(request):
    try:
        form, tab, subject, need = asked_subject(request)
    except PermissionError:
        return refuse(request, _("Sign in to find matches."))
    context = {"form": form, "tab": tab, "section": SECTION, "subject": None}
    if subject is not None:
        context.update(_results(request, subject, need, TABS[tab]))
        context.update(
            subject=subject,
            is_text=subject.kind == MatchSubject.TEXT,
            tab_urls={name: matches_url(subject, name) for name in TABS},
            export_query=matches_url(subject, tab).split("?", 1)[1],
            subject_fields=subject_fields(subject),
            vote_choices=Vote.choices,
        )
    return render(request, "matchmaking/matches/match_list.html", context)


@login_required
@require_POST
def match_feedback(request):
    form = VoteForm(request.POST)
    if not form.is_valid():
        if form.subject_is_invalid:
            raise Http404
        messages.error(request, _("Your vote was not recorded: choose good or poor match on one of the matches."))
        return redirect("matchmaking:matches")
    data = form.cleaned_data
    try:
        subject, need = match_subjects.resolve(request.user, **form.subject_arguments())
        service.record_feedback(request.user, need, data["kind"], data["candidate"], data["vote"])
    except LookupError as unknown:  # an unseen subject, or a candidate that is not among its matches
        raise Http404 from unknown
    except PermissionError:
        return refuse(request, _("Sign in to find matches."))
    if data["vote"] == Vote.UP:
        messages.success(request, _("Thank you: you marked it as a good match."))
    else:
        messages.success(request, _("Thank you: you marked it as a poor match."))
    anchor = f"match-{data['kind']}-{data['candidate']}"
    return redirect(matches_url(subject, TAB_OF[data["kind"]], data.get("page") or 1, anchor))
