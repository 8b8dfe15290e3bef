"""What partner search holds about a person, for the personal-data lookup, export and erasure (registry/people.py).

- Posts the person published for a cluster (PartnerSearch.author) and expressions of interest they wrote
  (PartnerInterest.author) or answered (PartnerInterest.decided_by) are listed with the account. They are the
  clusters' records, not the person's, so erasure keeps them: the reference then points at the anonymised account,
  which has neither a name nor an address, and an anonymised (inactive) account is never shown as a contact.
- The posts the person follows (PartnerSearchFollow) are their own bookmarks: deleted on erasure, and the trail of
  them redacted.
- Their thumbs up and down on matches (MatchFeedback), with any need they typed, are deleted on erasure (the model
  is not in the audit trail, so there is nothing to redact).
"""

from django.utils.translation import gettext_lazy as _

from klusterplattform.accounts import audit

from .models import MatchFeedback, PartnerInterest, PartnerSearch, PartnerSearchFollow


def _iso(value):
    return value.isoformat() if value else None


def posts_by(user) -> list:
    rows = PartnerSearch.objects.filter(author=user).select_related("cluster").order_by("created_at", "pk")
    return [
        {
            "id": p.pk,
            "cluster": p.cluster.slug,
            "title": p.title,
            "status": p.status,
            "published_at": _iso(p.created_at),
            "closed_at": _iso(p.closed_at),
        }
        for p in rows
    ]


def _interest(i, **extra) -> dict:
    return {
        "id": i.pk,
        "post": i.post_id,
        "post_title": i.post.title,
        "post_cluster": i.post.cluster.slug,
        "cluster": i.cluster.slug,
        "status": i.status,
        **extra,
    }


def interests_by(user) -> list:
    rows = PartnerInterest.objects.filter(author=user).select_related("post__cluster", "cluster").order_by("pk")
    return [_interest(i, message=i.message, expressed_at=_iso(i.created_at)) for i in rows]


def interests_decided_by(user) -> list:
    rows = PartnerInterest.objects.filter(decided_by=user).select_related("post__cluster", "cluster").order_by("pk")
    return [_interest(i, decided_at=_iso(i.decided_at)) for i in rows]


def follows_of(user) -> list:
    rows = PartnerSearchFollow.objects.filter(user=user).select_related("post__cluster").order_by("created_at", "pk")
    return [
        {"post": f.post_id, "title": f.post.title, "cluster": f.post.cluster.slug, "since": _iso(f.created_at)}
        for f in rows
    ]


def erase_follows(user) -> tuple[int, int]:
    erased = redacted = 0
    for follow in PartnerSearchFollow.objects.filter(user=user):
        pk = follow.pk
        follow.delete()  # one by one, so the trail records each delete; its values are redacted just below
        redacted += audit.redact_object(PartnerSearchFollow(pk=pk))
        erased += 1
    return erased, redacted


def match_votes_of(user) -> list:
    rows = MatchFeedback.objects.filter(user=user).order_by("created_at", "pk")
    return [
        {
            "asked_for": f.subject,
            "need_text": f.need_text,
            "candidate": f"{f.candidate_kind}:{f.candidate_id}",
            "vote": f.vote,
            "score_shown": f.score,
            "given_at": _iso(f.created_at),
        }
        for f in rows
    ]


def erase_match_votes(user) -> tuple[int, int]:
    """The votes are the person's own opinions (and a need they typed): deleted, not kept for tuning."""
    erased, _by_model = MatchFeedback.objects.filter(user=user).delete()
    return erased, 0


# key → (explanation, records(user)[, erase(user)]): with an eraser the records go when the account is erased.
ACCOUNT_SECTIONS = {
    "partner_searches_published": (
        _("Partner searches this person published for a cluster (kept with the cluster when the account is erased)."),
        posts_by,
    ),
    "partner_interests_expressed": (
        _("Expressions of interest in partner searches this person wrote on behalf of a cluster, with the message."),
        interests_by,
    ),
    "partner_interests_answered": (
        _("Expressions of interest this person accepted or declined for their cluster's partner search."),
        interests_decided_by,
    ),
    "partner_searches_followed": (
        _("Partner searches this person follows (deleted when the account is erased)."),
        follows_of,
        erase_follows,
    ),
    "match_votes": (
        _("Votes this person gave on matches, with any need they typed (deleted when the account is erased)."),
        match_votes_of,
        erase_match_votes,
    ),
}
