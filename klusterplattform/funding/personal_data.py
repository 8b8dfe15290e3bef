"""What the funding module holds about a person, for the personal-data lookup, export and erasure
(registry/people.py).

- The weekly digest: the account's choice (DigestPreference) and the log of digests sent to it (DigestDelivery: the
  week, when, which calls it named). Both are the person's own and go when the account is erased (deleted, the
  preference's trail redacted).
- Calls the person entered by hand (FundingCall.created_by) and bookmarks or intentions they last changed for a
  cluster (FundingInterest.updated_by) are listed with the account. They are the register's and the cluster's records,
  not the person's, so erasure keeps them: the reference then points at the anonymised account, which has neither a
  name nor an address, as the audit trail's records of who did what do.
"""

from django.utils.translation import gettext_lazy as _

from klusterplattform.accounts import audit

from .models import DigestDelivery, DigestPreference, FundingCall, FundingInterest


def _iso(value):
    return value.isoformat() if value else None


def preference_of(user) -> list:
    return [
        {"weekly_digest": p.weekly_digest, "chosen_at": _iso(p.updated_at)}
        for p in DigestPreference.objects.filter(user=user)
    ]


def erase_preference(user) -> tuple[int, int]:
    erased = redacted = 0
    for preference in DigestPreference.objects.filter(user=user):
        pk = preference.pk
        preference.delete()
        redacted += audit.redact_object(DigestPreference(pk=pk))
        erased += 1
    return erased, redacted


def digests_sent_to(user) -> list:
    rows = DigestDelivery.objects.filter(user=user).order_by("period", "pk")
    return [
        {"week": d.period, "claimed_at": _iso(d.claimed_at), "sent_at": _iso(d.sent_at), "calls": d.call_identifiers}
        for d in rows
    ]


def erase_digests(user) -> tuple[int, int]:
    """The log only stops a digest going twice in a week; an erased account receives nothing again."""
    return DigestDelivery.objects.filter(user=user).delete()[0], 0


def calls_entered_by(user) -> list:
    rows = FundingCall.objects.filter(created_by=user).order_by("created_at", "pk")
    return [
        {"identifier": c.identifier, "title": c.title, "published": c.is_published, "entered_at": _iso(c.created_at)}
        for c in rows
    ]


def interests_changed_by(user) -> list:
    rows = FundingInterest.objects.filter(updated_by=user).select_related("call", "cluster").order_by("pk")
    return [
        {
            "cluster": i.cluster.slug,
            "call": i.call.identifier,
            "bookmarked": i.bookmarked,
            "intends_to_apply": i.intends_to_apply,
            "changed_at": _iso(i.updated_at),
        }
        for i in rows
    ]


# key → (explanation, records(user)[, erase(user)]): with an eraser the records go when the account is erased.
ACCOUNT_SECTIONS = {
    "funding_digest_preference": (
        _("Whether this account receives the weekly digest of funding calls (no entry: the default)."),
        preference_of,
        erase_preference,
    ),
    "funding_digests_sent": (
        _("Weekly digests of funding calls sent to this account: the week, when, and which calls they named."),
        digests_sent_to,
        erase_digests,
    ),
    "funding_calls_entered": (_("Funding calls this person entered by hand."), calls_entered_by),
    "funding_interests_changed": (
        _("Bookmarks and intentions to apply for funding calls that this person last changed for a cluster."),
        interests_changed_by,
    ),
}
