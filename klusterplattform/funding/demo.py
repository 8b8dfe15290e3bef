"""Demo step "funding": eight fictional funding calls entered by hand, with bookmarks, intentions and partners.

The calls are invented (identifiers DEMO-…, funders marked as fictional, example.org addresses, "(demo)" in every
title), so nobody takes one for a real opportunity. Their dates are set around today: some open, some forthcoming,
two closed; single-stage, two-stage and cut-off deadlines in several time zones. Some clusters of the demo programme
bookmark calls, one intends to apply with partners noted. `is_demo` keeps all of it out of real lists, feeds and
digests.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from klusterplattform.registry.choices import ParticipationStatus
from klusterplattform.registry.demo import DemoContext, DemoStep, register
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.models import ClusterOrganisation, Ecosystem, Programme

from . import services
from .choices import DeadlineModel, Source
from .models import FundingCalendarFeed, FundingCall, FundingInterest, FundingPartner, ThematicTag

STEP = "funding"
EU = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU"]
EU += ["LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]
SV_TEXT = "<p>Fiktiv utlysning i demodata: den finns inte på riktigt och går inte att söka.</p>"
EN_TEXT = "<p>Fictional call in the demo data: it does not exist and cannot be applied for.</p>"


@dataclass(frozen=True)
class DemoCall:
    identifier: str
    title: str
    language: str
    programme: str
    funder: str
    opens_in: int  # days from today (negative: opened that many days ago)
    deadlines: list  # (days from today, hour, minute, zone, stage, label)
    deadline_model: str = DeadlineModel.SINGLE_STAGE
    ecosystems: int = 1  # how many of the programme clusters' most common ecosystems the call targets
    tags: tuple = ()
    fields: dict = field(default_factory=dict)


PLAN = [
    DemoCall(
        "DEMO-REGION-2027-01",
        "Regional klusterutveckling 2027 (demo, fiktiv)",
        "sv",
        "Regionalt tillväxtanslag (fiktivt)",
        "Demoregionen (fiktiv)",
        -20,
        [(25, 23, 59, "Europe/Stockholm", 1, "")],
        ecosystems=2,
        tags=("green",),
        fields={
            "eligible_countries": ["SE"],
            "cluster_organisations_eligible": True,
            "budget_min": 200_000,
            "budget_max": 1_500_000,
            "currency": "SEK",
            "funding_rate_max": 50,
        },
    ),
    DemoCall(
        "DEMO-INNO-2027-02",
        "Klustersamverkan för innovation (demo, fiktiv)",
        "sv",
        "Innovationsprogram för kluster (fiktivt)",
        "Demo-innovationsmyndigheten (fiktiv)",
        20,
        [(80, 14, 0, "Europe/Stockholm", 1, "")],
        ecosystems=1,
        tags=("digital",),
        fields={"eligible_countries": ["SE"], "cluster_organisations_eligible": True, "currency": "SEK"},
    ),
    DemoCall(
        "DEMO-EU-JCI-2027-01",
        "Joint cluster initiatives for the green and digital transition (demo)",
        "en",
        "Single Market Programme (fictional demo topic)",
        "European Commission (fictional demo)",
        -15,
        [(12, 17, 0, "Europe/Brussels", 1, ""), (110, 17, 0, "Europe/Brussels", 2, "")],
        deadline_model=DeadlineModel.TWO_STAGE,
        ecosystems=2,
        tags=("green", "digital"),
        fields={
            "eligible_countries": EU,
            "min_partners": 4,
            "min_countries": 3,
            "cluster_organisations_eligible": True,
            "requires_cluster_organisations": True,
            "requires_smes": True,
            "requires_eccp_registration": True,
            "is_cascade_funding": True,
            "total_budget": 42_000_000,
            "budget_max": 6_000_000,
            "expected_grants": 7,
            "duration_min_months": 24,
            "duration_max_months": 36,
            "funding_rate_max": 100,
        },
    ),
    DemoCall(
        "DEMO-EU-I3-2027-02",
        "Interregional innovation investments, cut-off rounds (demo)",
        "en",
        "Interregional Innovation Investments (fictional demo topic)",
        "European Commission (fictional demo)",
        -60,
        [
            (-30, 17, 0, "Europe/Brussels", 1, ""),
            (40, 17, 0, "Europe/Brussels", 2, ""),
            (130, 17, 0, "Europe/Brussels", 3, ""),
        ],
        deadline_model=DeadlineModel.MULTIPLE_CUTOFF,
        ecosystems=3,
        tags=("resilience",),
        fields={
            "eligible_countries": EU,
            "min_countries": 2,
            "requires_less_developed_regions": True,
            "total_budget": 120_000_000,
            "budget_min": 2_000_000,
            "budget_max": 20_000_000,
            "funding_rate_max": 70,
        },
    ),
    DemoCall(
        "DEMO-TRANSATLANTIC-2027-01",
        "Transatlantic cluster exchange (demo)",
        "en",
        "Transatlantic exchange programme (fictional)",
        "Fictional Transatlantic Foundation (demo)",
        -5,
        [(55, 17, 0, "America/New_York", 1, "")],
        ecosystems=1,
        tags=("digital",),
        fields={"cluster_organisations_eligible": True, "budget_max": 150_000, "currency": "USD"},
    ),
    DemoCall(
        "DEMO-NORDIC-2027-01",
        "Nordic cluster mobility (demo)",
        "en",
        "Nordic mobility fund (fictional)",
        "Nordic demo fund (fictional)",
        -30,
        [(18, 15, 0, "Europe/Helsinki", 1, "")],
        ecosystems=2,
        tags=("resilience",),
        fields={
            "eligible_countries": ["SE", "FI", "NO", "DK", "IS"],
            "min_partners": 2,
            "min_countries": 2,
            "cluster_organisations_eligible": True,
            "budget_max": 50_000,
        },
    ),
    DemoCall(
        "DEMO-EU-CASCADE-2026-03",
        "Cascade funding for SMEs in cluster value chains (demo)",
        "en",
        "Single Market Programme (fictional demo topic)",
        "European Commission (fictional demo)",
        -120,
        [(-10, 17, 0, "Europe/Brussels", 1, "")],
        ecosystems=1,
        tags=("green",),
        fields={"eligible_countries": EU, "is_cascade_funding": True, "requires_smes": True, "budget_max": 60_000},
    ),
    DemoCall(
        "DEMO-REGION-2026-02",
        "Regionala pilotprojekt 2026 (demo, fiktiv)",
        "sv",
        "Regionalt tillväxtanslag (fiktivt)",
        "Demoregionen (fiktiv)",
        -90,
        [(-40, 23, 59, "Europe/Stockholm", 1, "")],
        ecosystems=1,
        fields={"eligible_countries": ["SE"], "cluster_organisations_eligible": True, "currency": "SEK"},
    ),
]


def _at(today: datetime.date, days: int, hour: int, minute: int, zone: str) -> datetime.datetime:
    day = today + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))


def _programme_clusters() -> list:
    programme = Programme.objects.filter(slug=PROGRAMME_SLUG, is_demo=True).first()
    if programme is None:
        return []
    return [
        p.cluster
        for p in programme.participations.exclude(status=ParticipationStatus.WITHDRAWN)
        .select_related("cluster")
        .order_by("cluster__slug")
    ]


def _common_ecosystems(clusters) -> list:
    """The demo programme clusters' ecosystems, most common first (all ecosystems when there are no clusters)."""
    through = ClusterOrganisation.ecosystems.through
    counts = Counter(
        through.objects.filter(clusterorganisation__in=clusters).values_list("ecosystem_id", flat=True)
    ).most_common()
    ranked = [pk for pk, _count in counts]
    by_pk = {e.pk: e for e in Ecosystem.objects.all()}
    ranked += [pk for pk in sorted(by_pk) if pk not in ranked]
    return [by_pk[pk] for pk in ranked]


def make_calls(context: DemoContext) -> str:
    rng = context.random(STEP)
    clusters = _programme_clusters()
    ecosystems = _common_ecosystems(clusters)
    tags = {tag.code: tag for tag in ThematicTag.objects.all()}
    calls = {}
    for plan in PLAN:
        call = FundingCall(
            identifier=plan.identifier,
            title=plan.title,
            language=plan.language,
            programme=plan.programme,
            funder=plan.funder,
            opening_date=context.today + datetime.timedelta(days=plan.opens_in),
            time_zone=plan.deadlines[0][3],
            deadline_model=plan.deadline_model,
            source=Source.MANUAL,
            source_url=f"https://funding.example.org/demo/{plan.identifier.lower()}",
            description_html=SV_TEXT if plan.language == "sv" else EN_TEXT,
            is_demo=True,
            **plan.fields,
        )
        deadlines = [
            {"at": _at(context.today, days, hour, minute, zone), "time_zone": zone, "stage": stage, "label": label}
            for days, hour, minute, zone, stage, label in plan.deadlines
        ]
        calls[plan.identifier] = services.save_call(
            call,
            deadlines=deadlines,
            ecosystems=ecosystems[: plan.ecosystems],
            tags=[tags[code] for code in plan.tags if code in tags],
        )
    interests, partners = _interests(rng, clusters, calls)
    return _("%(calls)s fictional funding calls, %(interests)s bookmarks or intentions, %(partners)s partners") % {
        "calls": len(calls),
        "interests": interests,
        "partners": partners,
    }


def _interests(rng, clusters, calls) -> tuple[int, int]:
    """A few programme clusters follow calls; one intends to apply to the two-stage EU call with partners."""
    if not clusters:
        return 0, 0
    followers = rng.sample(clusters, min(4, len(clusters)))
    followed = ["DEMO-REGION-2027-01", "DEMO-EU-JCI-2027-01", "DEMO-NORDIC-2027-01", "DEMO-TRANSATLANTIC-2027-01"]
    interests = []
    for index, cluster in enumerate(followers):
        for identifier in rng.sample(followed, 2 if index else 3):
            interests.append(FundingInterest(call=calls[identifier], cluster=cluster, bookmarked=True))
    FundingInterest.objects.bulk_create(interests)
    applicant = followers[0]
    interest, _created = FundingInterest.objects.update_or_create(
        call=calls["DEMO-EU-JCI-2027-01"],
        cluster=applicant,
        defaults={
            "bookmarked": True,
            "intends_to_apply": True,
            "note": "Fiktiv anteckning (demo): söker med två partner.",
        },
    )
    abroad = list(ClusterOrganisation.objects.filter(is_demo=True).exclude(country="SE").order_by("slug")[:20])
    partners = [
        FundingPartner(
            interest=interest,
            name="Exempel Textile Hub (fictional)",
            country="DE",
            note="Fiktiv partner (demo)",
        )
    ]
    if abroad:
        partner = rng.choice(abroad)
        partners.append(
            FundingPartner(interest=interest, name=partner.name, country=partner.country, partner_cluster=partner)
        )
    FundingPartner.objects.bulk_create(partners)
    return FundingInterest.objects.filter(call__is_demo=True).count(), len(partners)


def remove_calls() -> None:
    FundingInterest.objects.filter(cluster__is_demo=True).delete()
    FundingCalendarFeed.objects.filter(cluster__is_demo=True).delete()
    FundingCall.objects.filter(is_demo=True).delete()


register(
    DemoStep(
        STEP,
        order=140,
        run=make_calls,
        is_loaded=lambda: FundingCall.objects.filter(is_demo=True).exists(),
        remove=remove_calls,
    )
)
