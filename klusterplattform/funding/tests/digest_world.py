"""Shared set-up of the digest tests: cluster A works in Textiles and is managed by manager A; calls that fit it
(Textiles, eligible), one that does not, and bookmarks with deadlines inside and beyond 30 days."""

import io
from types import SimpleNamespace

from django.core import mail as outbox
from django.core.management import call_command

from klusterplattform.funding.models import FundingInterest
from klusterplattform.funding.tests.funding_world import build_world, make_funding_call
from klusterplattform.registry.tests.factories import EcosystemFactory

SEPARATOR = "\nIn English\n"


def digest_world():
    world = build_world()
    textiles = EcosystemFactory(code="textiles", name_sv="Textil", name_en="Textiles")
    health = EcosystemFactory(code="health", name_sv="Hälsa", name_en="Health")
    world.cluster_a.ecosystems.add(textiles)
    calls = SimpleNamespace(
        fit_far=make_funding_call("FIT-FAR", closes_in_days=60, ecosystems=[textiles]),
        fit_soon=make_funding_call("FIT-SOON", closes_in_days=20, ecosystems=[textiles]),
        unfit=make_funding_call("UNFIT", closes_in_days=10, ecosystems=[health], cluster_organisations_eligible=False),
        book_soon=make_funding_call("BOOK-SOON", closes_in_days=10, ecosystems=[health]),
        book_later=make_funding_call("BOOK-LATER", closes_in_days=45, ecosystems=[health]),
    )
    FundingInterest.objects.create(cluster=world.cluster_a, call=calls.book_soon, bookmarked=True)
    FundingInterest.objects.create(cluster=world.cluster_a, call=calls.book_later, intends_to_apply=True)
    world.textiles, world.health, world.calls = textiles, health, calls
    return world


def send(*args, now=None) -> str:
    out = io.StringIO()
    arguments = list(args)
    if now is not None:
        arguments += ["--now", now.isoformat()]
    call_command("send_funding_digest", *arguments, stdout=out)
    return out.getvalue()


def to(user) -> list:
    return [message for message in outbox.outbox if message.to == [user.email]]


def english(message) -> str:
    assert SEPARATOR in message.body
    return message.body.split(SEPARATOR, 1)[1]


def swedish(message) -> str:
    return message.body.split(SEPARATOR, 1)[0]


def sections(text: str) -> tuple[str, str]:
    """(new calls part, deadlines part) of the English text."""
    if "Deadlines within 30 days" not in text:
        return text, ""
    new, deadlines = text.split("Deadlines within 30 days", 1)
    return new, deadlines
