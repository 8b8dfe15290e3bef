"""Demo step "partner_searches": fictional partner searches of demo clusters, with interest in every state.

Six posts, each marked "(demo)" in its title: Swedish and foreign demo clusters, every purpose, one tied to a demo
funding call when the funding step has run, one closed and one expired. Other demo clusters express interest:
pending, accepted (the two sides then see the demo contact persons, all at example.org), declined and withdrawn.
Only demo clusters take part (their `is_demo` keeps every post out of real lists); demo data has no user accounts,
so the posts and interest have no author.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.funding.models import FundingCall
from klusterplattform.registry.demo import DemoContext, DemoStep, register
from klusterplattform.registry.models import ClusterOrganisation, Ecosystem

from .choices import DocumentKind, InterestStatus, PartnerType, Purpose
from .matching import indexing
from .models import MatchDocument, PartnerInterest, PartnerSearch
from .services import search_text

STEP = "partner_searches"
DEMO_CALL = "DEMO-EU-JCI-2027-01"


@dataclass(frozen=True)
class DemoPost:
    title: str
    offer: str
    seek: str
    purpose: str
    partner_types: tuple
    countries: tuple
    expires_in: int  # days from today (negative: expired)
    abroad: bool = False  # published by a demo cluster outside Sweden
    closed: bool = False
    interests: tuple = ()  # statuses of the interest other demo clusters express
    ecosystems: tuple = ()  # codes of the ecosystems sought; the author is a demo cluster in the first, if any


PLAN = [
    DemoPost(
        "Partner för cirkulära textilier (demo)",
        "Pilotanläggning för fiberåtervinning och 80 medlemsföretag (fiktivt).",
        "Forskningspartner och små företag inom sortering av textil.",
        Purpose.FUNDING_CALL,
        (PartnerType.RESEARCH, PartnerType.SME),
        ("DE", "FR", "FI"),
        45,
        interests=(InterestStatus.ACCEPTED, InterestStatus.PENDING, InterestStatus.DECLINED),
        ecosystems=("textiles",),
    ),
    DemoPost(
        "Handelsresa till Nordamerika för livsmedelsklustret (demo)",
        "En delegation av tio medlemsföretag inom livsmedel (fiktivt).",
        "Kluster som vill dela program och kontakter på plats.",
        Purpose.TRADE_MISSION,
        (PartnerType.CLUSTER_ORGANISATION,),
        (),
        30,
        interests=(InterestStatus.PENDING, InterestStatus.WITHDRAWN),
        ecosystems=("agri-food",),
    ),
    DemoPost(
        "Value chain for battery materials (demo)",
        "Access to cathode material producers among our members (fictional).",
        "Recycling companies and public bodies for a Nordic value chain.",
        Purpose.VALUE_CHAIN,
        (PartnerType.LARGE_COMPANY, PartnerType.PUBLIC_BODY),
        ("SE", "NO", "FI"),
        60,
        abroad=True,
        interests=(InterestStatus.ACCEPTED,),
        ecosystems=("energy-intensive", "mobility-transport-automotive"),
    ),
    DemoPost(
        "Digital twins for manufacturing SMEs (demo)",
        "A test bed and 40 SMEs ready to pilot (fictional).",
        "Research partners in simulation and a cluster with SME reach.",
        Purpose.PROJECT,
        (PartnerType.RESEARCH, PartnerType.CLUSTER_ORGANISATION),
        (),
        20,
        abroad=True,
        interests=(InterestStatus.PENDING,),
        ecosystems=("digital",),
    ),
    DemoPost(
        "Gemensamt projekt om vätgaslogistik (demo)",
        "Erfarenhet av regionala vätgasprojekt (fiktivt).",
        "Partner inom logistik och hamnar.",
        Purpose.PROJECT,
        (PartnerType.SME,),
        (),
        15,
        closed=True,
        interests=(InterestStatus.ACCEPTED,),
        ecosystems=("energy-renewables", "mobility-transport-automotive"),
    ),
    DemoPost(
        "Smart farming pilots (demo, expired)",
        "Farms and sensors for pilots (fictional).",
        "Technology providers.",
        Purpose.PROJECT,
        (PartnerType.SME,),
        (),
        -10,
        abroad=True,
        ecosystems=("agri-food", "digital"),
    ),
]


def _clusters() -> tuple[list, list]:
    demo = ClusterOrganisation.objects.filter(is_demo=True).order_by("slug").prefetch_related("ecosystems")
    clusters = list(demo)
    for cluster in clusters:
        cluster.ecosystem_codes = {e.code for e in cluster.ecosystems.all()}
    return [c for c in clusters if c.country == "SE"], [c for c in clusters if c.country != "SE"]


def make_posts(context: DemoContext) -> str:
    rng = context.random(STEP)
    swedish, abroad = _clusters()
    if not swedish and not abroad:
        return _("no partner searches (no demo clusters)")
    everyone = swedish + abroad
    call = FundingCall.objects.filter(identifier=DEMO_CALL, is_demo=True).first()
    now = timezone.now()
    interests = []
    for plan in PLAN:
        authors = (abroad if plan.abroad else swedish) or everyone
        field = set(plan.ecosystems)
        # A cluster in the post's field from the preferred country group, else from any, else any of the group.
        in_field = [c for c in authors if field & c.ecosystem_codes] or [
            c for c in everyone if field & c.ecosystem_codes
        ]
        cluster = rng.choice(in_field or authors)
        post = PartnerSearch(
            cluster=cluster,
            title=plan.title,
            offer=plan.offer,
            seek=plan.seek,
            purpose=plan.purpose if call or plan.purpose != Purpose.FUNDING_CALL else Purpose.PROJECT,
            funding_call=call if plan.purpose == Purpose.FUNDING_CALL else None,
            partner_types=list(plan.partner_types),
            countries_sought=list(plan.countries),
            expires_on=context.today + datetime.timedelta(days=plan.expires_in),
            closed_at=now if plan.closed else None,
        )
        post.search_text = search_text(post)
        post.save()
        sought = Ecosystem.objects.filter(code__in=plan.ecosystems)
        post.ecosystems.set(list(sought) if plan.ecosystems else list(cluster.ecosystems.all()[:2]))
        others = [c for c in everyone if c.pk != cluster.pk]
        for status in plan.interests:
            if not others:
                break
            interested = others.pop(rng.randrange(len(others)))
            decided = status in (InterestStatus.ACCEPTED, InterestStatus.DECLINED)
            interests.append(
                PartnerInterest(
                    post=post,
                    cluster=interested,
                    message=f"{interested.name}: fiktivt intresse (demo) / fictional expression of interest (demo).",
                    status=status,
                    decided_at=now if decided else None,
                )
            )
    PartnerInterest.objects.bulk_create(interests)
    return _("%(posts)s fictional partner searches with %(interests)s expressions of interest") % {
        "posts": len(PLAN),
        "interests": len(interests),
    }


def remove_posts() -> None:
    PartnerInterest.objects.filter(cluster__is_demo=True).delete()
    PartnerSearch.objects.filter(cluster__is_demo=True).delete()


register(
    DemoStep(
        STEP,
        order=150,
        run=make_posts,
        is_loaded=lambda: PartnerSearch.objects.filter(cluster__is_demo=True).exists(),
        remove=remove_posts,
    )
)


def build_match_index(context: DemoContext) -> str:
    """Last step: index every cluster and organisation (the demo loader writes in bulk, past the signals that keep
    the index current)."""
    clusters = indexing.rebuild(DocumentKind.CLUSTER)
    organisations = indexing.rebuild(DocumentKind.ORGANISATION)
    return _("match index: %(clusters)s clusters, %(organisations)s organisations") % {
        "clusters": clusters,
        "organisations": organisations,
    }


def remove_match_index() -> None:
    indexing.drop_demo()


register(
    DemoStep(
        "match_index",
        order=190,
        run=build_match_index,
        is_loaded=lambda: MatchDocument.objects.filter(is_demo=True).exists(),
        remove=remove_match_index,
    )
)
