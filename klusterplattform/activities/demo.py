"""Demo step "activities": a fictional year and a half of the demo programme's competence development.

Knowledge exchanges about every four months around the four default focus areas, a trade fair, a webinar, two
upcoming activities (one full, with a waiting list), registrations of fictional people (example.org addresses) with
attendance and anonymous feedback for the past ones, stated needs for the current round, news and two programme
contacts. Everything belongs to the demo programme, whose `is_demo` keeps it out of real figures.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from klusterplattform.excellence.models import AssessmentRound
from klusterplattform.registry.choices import ParticipationStatus
from klusterplattform.registry.demo import DemoContext, DemoStep, register
from klusterplattform.registry.demo.programme import SLUG as PROGRAMME_SLUG
from klusterplattform.registry.models import Programme

from . import feedback
from .choices import ActivityType, NewsAudience, RegistrationStatus
from .models import (
    Activity,
    FeedbackResponse,
    FocusArea,
    NewsItem,
    ProgrammeContact,
    Registration,
    StatedNeeds,
    StatedPriority,
)

STEP = "activities"

# (days from today, type, focus area codes, Swedish title, English title, capacity, place)
PLAN = [
    (
        -560,
        ActivityType.KNOWLEDGE_EXCHANGE,
        ["strategy"],
        "Kunskapsutbyte: klusterstrategi",
        "Knowledge exchange: cluster strategy",
        40,
        "Stockholm",
    ),
    (
        -440,
        ActivityType.WORKSHOP,
        ["value-based-models"],
        "Verkstad: erbjudande och basfinansiering",
        "Workshop: offering and base financing",
        30,
        "Göteborg",
    ),
    (
        -330,
        ActivityType.TRADE_FAIR,
        ["internationalisation"],
        "Gemensam monter på industrimässa (demo)",
        "Joint stand at an industrial trade fair (demo)",
        None,
        "Hannover",
    ),
    (
        -230,
        ActivityType.KNOWLEDGE_EXCHANGE,
        ["leadership"],
        "Kunskapsutbyte: ledarskap i mellanrum",
        "Knowledge exchange: leadership in in-between spaces",
        40,
        "Umeå",
    ),
    (
        -120,
        ActivityType.WEBINAR,
        ["internationalisation"],
        "Webbinarium: att söka EU-medel",
        "Webinar: applying for EU funding",
        None,
        "",
    ),
    (
        -40,
        ActivityType.KNOWLEDGE_EXCHANGE,
        ["value-based-models", "strategy"],
        "Kunskapsutbyte: värdebaserade klustermodeller",
        "Knowledge exchange: value-based cluster models",
        40,
        "Malmö",
    ),
    (
        21,
        ActivityType.WORKSHOP,
        ["leadership"],
        "Verkstad: att leda utan mandat",
        "Workshop: leading without a mandate",
        12,
        "Linköping",
    ),
    (
        75,
        ActivityType.CLOSING_WORKSHOP,
        ["strategy", "internationalisation", "leadership"],
        "Avslutande workshop",
        "Closing workshop",
        60,
        "Stockholm",
    ),
]


def _at(today: datetime.date, days: int, hour: int, zone) -> datetime.datetime:
    day = today + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, 0, tzinfo=zone)


def make_activities(context: DemoContext) -> str:
    rng = context.random(STEP)
    fake = context.faker("sv_SE", STEP)
    programme = Programme.objects.get(slug=PROGRAMME_SLUG, is_demo=True)
    clusters = [
        p.cluster
        for p in programme.participations.exclude(status=ParticipationStatus.WITHDRAWN).select_related("cluster")
    ]
    areas = {area.code: area for area in FocusArea.objects.for_programme(programme)}
    now = timezone.now()
    activities, registrations, responses = [], [], 0
    for days, kind, codes, title_sv, title_en, capacity, place in PLAN:
        time_zone = "Europe/Berlin" if place == "Hannover" else "Europe/Stockholm"
        zone = ZoneInfo(time_zone)
        starts = _at(context.today, days, 9, zone)
        activity = Activity.objects.create(
            programme=programme,
            type=kind,
            title_sv=title_sv,
            title_en=title_en,
            description_sv="En fiktiv aktivitet i demoprogrammet.",
            description_en="A fictional activity of the demo programme.",
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=7 if kind != ActivityType.WEBINAR else 2),
            time_zone=time_zone,
            place=place,
            online_url="https://demo-programme.example.org/webinar" if not place else "",
            capacity=capacity,
            registration_deadline=starts - datetime.timedelta(days=3),
            organiser="Demoprogrammet (fiktivt)",
        )
        activity.focus_areas.set([areas[code] for code in codes if code in areas])
        activities.append(activity)
        past = activity.ends_at < now
        taking_part = rng.sample(clusters, min(len(clusters), rng.randint(len(clusters) // 2, len(clusters))))
        if capacity is not None and capacity < len(clusters) * 2 and not past:
            # The small upcoming workshop: every cluster wants a seat, so it fills up and has a waiting list.
            taking_part = clusters
            capacity = min(capacity, max(1, len(clusters) - 2))
            Activity.objects.filter(pk=activity.pk).update(capacity=capacity)
        seats = capacity if capacity is not None else 10_000
        for cluster in taking_part:
            for _person in range(rng.randint(1, 2)):
                name = fake.name()
                confirmed = seats > 0
                seats -= 1
                registrations.append(
                    Registration(
                        activity=activity,
                        cluster=cluster,
                        name=name,
                        email=f"{fake.user_name()}.{len(registrations)}@example.org",
                        status=RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITING,
                        queued_at=starts - datetime.timedelta(days=rng.randint(4, 40), minutes=len(registrations)),
                        attended=(rng.random() < 0.9) if past and confirmed else None,
                        feedback_given_at=None,
                    )
                )
        if past:
            attended = sum(1 for r in registrations if r.activity is activity and r.attended)
            for _response in range(int(attended * 0.6)):
                answers = {q.code: rng.choice([3, 4, 4, 5, 5]) for q in feedback.QUESTIONS if q.kind == "scale"}
                FeedbackResponse.objects.create(
                    activity=activity, answers=answers, submitted_on=activity.ends_at.date()
                )
                responses += 1
    Registration.objects.bulk_create(registrations)
    stated = _stated_needs(rng, clusters, areas)
    _news_and_contacts(programme, context.today)
    return _(
        "%(activities)s demo activities, %(registrations)s registrations, %(responses)s feedback responses, "
        "%(stated)s stated needs"
    ) % {"activities": len(activities), "registrations": len(registrations), "responses": responses, "stated": stated}


def _stated_needs(rng, clusters, areas) -> int:
    round_ = AssessmentRound.objects.filter(is_demo=True, programme__slug=PROGRAMME_SLUG).order_by("-opens_on").first()
    if round_ is None:
        return 0
    count = 0
    for cluster in rng.sample(clusters, len(clusters) // 2):
        stated = StatedNeeds.objects.create(
            round=round_, cluster=cluster, free_text="Fler möten med kluster i andra länder. (fiktivt)"
        )
        StatedPriority.objects.bulk_create(
            StatedPriority(stated=stated, focus_area=area, priority=rng.randint(1, 5)) for area in areas.values()
        )
        count += 1
    return count


def _news_and_contacts(programme, today) -> None:
    now = timezone.now()
    items = [
        (
            60,
            NewsAudience.PUBLIC,
            "Ny EU-utlysning för klustersamarbeten (demo)",
            "New EU call for cluster partnerships (demo)",
        ),
        (
            30,
            NewsAudience.PUBLIC,
            "Resultat från certifieringsomgången (demo)",
            "Results of the certification round (demo)",
        ),
        (
            10,
            NewsAudience.PARTICIPANTS,
            "Anmälan till verkstaden är öppen (demo)",
            "Registration for the workshop is open (demo)",
        ),
    ]
    for days, audience, title_sv, title_en in items:
        NewsItem.objects.create(
            programme=programme,
            title_sv=title_sv,
            title_en=title_en,
            body_sv="En fiktiv nyhet i demoprogrammet.",
            body_en="A fictional news item of the demo programme.",
            audience=audience,
            published_at=now - datetime.timedelta(days=days),
        )
    stand_in = ProgrammeContact.objects.create(
        programme=programme,
        name="Alex Exempelsson (fiktiv)",
        role_sv="Programansvarig",
        role_en="Programme manager",
        email="alex@demo-programme.example.org",
        phone="+46 8 000 00 00",
        position=1,
    )
    ProgrammeContact.objects.create(
        programme=programme,
        name="Robin Demosdotter (fiktiv)",
        role_sv="Handläggare",
        role_en="Programme officer",
        email="robin@demo-programme.example.org",
        away_until=today + datetime.timedelta(days=14),
        stand_in=stand_in,
        position=2,
    )


def remove_activities() -> None:
    programmes = Programme.objects.filter(is_demo=True)
    Registration.objects.filter(activity__programme__in=programmes).delete()
    Activity.objects.filter(programme__in=programmes).delete()
    StatedNeeds.objects.filter(round__is_demo=True).delete()
    NewsItem.objects.filter(programme__in=programmes).delete()
    ProgrammeContact.objects.filter(programme__in=programmes).delete()


register(
    DemoStep(
        STEP,
        order=120,
        run=make_activities,
        is_loaded=lambda: Activity.objects.filter(programme__is_demo=True).exists(),
        remove=remove_activities,
    )
)
