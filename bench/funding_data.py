"""Deterministic synthetic funding calls for benchmarks: 5,000 calls with deadlines, ecosystems, tags and search rows.

    .venv/bin/python bench/funding_data.py --db sqlite|postgres|both [--calls N] [--seed S] [--replace]
        SQLite file bench/.data/funding.sqlite3, PostgreSQL database kp_bench_funding on 127.0.0.1 (both created when
        missing, migrated; the project's own settings, so the bench extras need not be installed)

or from another benchmark, in a database Django is already set up for:

    from bench.funding_data import generate_funding_calls
    made = generate_funding_calls(5000, seed=7)   # {"calls": 5000, "deadlines": ..., "terms": ..., "seconds": ...}

Writes only into its own benchmark databases when run as a script, never var/. Same seed, same data. Calls are
spread over the last and next 18 months (closed, open and forthcoming), single-stage, two-stage and with cut-offs,
deadlines in several time zones; one in ten is a Swedish national or regional call written in Swedish. Every
identifier starts with BENCH- and every address is under example.org: nothing describes a real call. The search rows
are written with bulk inserts through the same functions (funding/search.py) that `services.save_call` uses, so
search behaves as it does on real data. The 14 ecosystems are created when missing, as bench/generate.py does.
"""

import argparse
import datetime
import random
import sys
import time
import zoneinfo
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PREFIX = "BENCH-"
DATA_DIR = Path(__file__).resolve().parent / ".data"
SQLITE_PATH = DATA_DIR / "funding.sqlite3"
PG_NAME = "kp_bench_funding"
DEFAULT_SEED = 20_261_129

ZONES = [
    ("Europe/Brussels", 70),
    ("Europe/Stockholm", 12),
    ("Europe/Helsinki", 4),
    ("Europe/Lisbon", 4),
    ("Atlantic/Canary", 2),
    ("Europe/Athens", 3),
    ("America/New_York", 2),
    ("Asia/Tokyo", 1),
    ("UTC", 2),
]

PROGRAMMES = [
    ("Horizon Europe", "HORIZON", "European Commission (EISMEA)"),
    ("Single Market Programme", "SMP-COSME", "European Commission (EISMEA)"),
    ("Interregional Innovation Investments", "I3", "European Commission (DG REGIO)"),
    ("Digital Europe Programme", "DIGITAL", "European Commission (HaDEA)"),
    ("LIFE Programme", "LIFE", "European Commission (CINEA)"),
    ("Interreg Europe", "INTERREG", "Interreg Europe Joint Secretariat"),
    ("EU4Health", "EU4H", "European Health and Digital Executive Agency"),
    ("Erasmus+", "ERASMUS", "European Education and Culture Executive Agency"),
    ("European Defence Fund", "EDF", "European Commission (DG DEFIS)"),
    ("Creative Europe", "CREA", "European Education and Culture Executive Agency"),
]
SWEDISH_PROGRAMMES = [
    ("Vinnova Utmaningsdriven innovation", "VINNOVA", "Vinnova"),
    ("Tillväxtverket Regional utveckling", "TVV", "Tillväxtverket"),
    ("Energimyndigheten Forskning och innovation", "STEM", "Energimyndigheten"),
    ("Region Västra Götaland Regionala utvecklingsmedel", "VGR", "Västra Götalandsregionen"),
    ("Region Skåne Innovationsstöd", "SKANE", "Region Skåne"),
]
ACTION_TYPES = [
    "Research and Innovation Action",
    "Innovation Action",
    "Coordination and Support Action",
    "Grant for Financial Support",
    "Simple Grant",
    "Lump Sum Grant",
    "Programme Co-fund Action",
]

# (theme phrase, extra keywords, ecosystem codes it leans to, tag codes it leans to)
THEMES = [
    ("circular textiles", "textile recycling; fibre sorting; eco-design", ["textiles", "retail"], ["green"]),
    ("hydrogen valleys", "renewable hydrogen; electrolysers; energy storage", ["renewable-energy"], ["green"]),
    ("digital twins for manufacturing", "industrial data; simulation; AI", ["digital", "electronics"], ["digital"]),
    ("battery value chains", "battery materials; recycling; gigafactories", ["energy-intensive"], ["green"]),
    ("agri-food traceability", "food safety; blockchain; farm to fork", ["agri-food"], ["digital", "green"]),
    ("health data spaces", "interoperability; patient data; e-health", ["health", "digital"], ["digital"]),
    ("resilient supply chains", "critical raw materials; sourcing; logistics", ["energy-intensive"], ["resilience"]),
    ("sustainable tourism", "destinations; visitor flows; local economy", ["tourism"], ["green", "resilience"]),
    ("cyber security for SMEs", "threat intelligence; certification; skills", ["digital"], ["digital", "resilience"]),
    ("space data applications", "Earth observation; Copernicus; navigation", ["aerospace-defence"], ["digital"]),
    ("low-carbon construction", "timber buildings; renovation wave; materials", ["construction"], ["green"]),
    ("smart mobility", "electric vehicles; charging; logistics hubs", ["mobility-transport-automotive"], ["green"]),
    ("creative industries and XR", "virtual reality; media; cultural heritage", ["cultural-creative"], ["digital"]),
    ("social economy innovation", "social enterprises; inclusion; local services", ["proximity-social-economy"], []),
    ("semiconductor skills", "chips; microelectronics; talent", ["electronics"], ["digital", "resilience"]),
    ("bio-based materials", "forestry; biorefineries; packaging", ["agri-food", "energy-intensive"], ["green"]),
    ("clean energy communities", "solar; heat pumps; local grids", ["renewable-energy", "construction"], ["green"]),
    ("medical devices", "diagnostics; clinical validation; regulation", ["health", "electronics"], ["resilience"]),
    ("defence industrial cooperation", "dual use; supply security; SMEs", ["aerospace-defence"], ["resilience"]),
    ("retail digitalisation", "e-commerce; omnichannel; data analytics", ["retail", "digital"], ["digital"]),
]
SWEDISH_THEMES = [
    ("cirkulär textil", "återvinning; textil; hållbarhet", ["textiles"], ["green"]),
    ("digitalisering i industrin", "digitalisering; tillverkning; data", ["digital"], ["digital"]),
    ("hållbar livsmedelsproduktion", "livsmedel; jordbruk; klimat", ["agri-food"], ["green"]),
    ("vätgas och energilagring", "vätgas; energi; batteri", ["renewable-energy"], ["green"]),
    ("hälsa och vård", "hälsa; vård; innovation", ["health"], ["resilience"]),
    ("klusterorganisationers samarbete", "kluster; samarbete; internationalisering", ["digital", "construction"], []),
]

OPENINGS = [
    "This {kind} supports {who} that work on {theme} across Europe.",
    "The topic funds projects on {theme} that bring {who} together with research and technology organisations.",
    "Proposals should strengthen {theme} and the capacity of {who} to scale up innovative solutions.",
    "Under this {kind} the Commission expects consortia to advance {theme} in regions at different levels of "
    "development.",
]
WHO = [
    "cluster organisations",
    "small and medium-sized enterprises",
    "industrial ecosystems",
    "regional innovation actors",
    "start-ups and scale-ups",
    "business networks",
]
BODY = [
    "Projects are expected to deliver pilots that demonstrate {theme} in real operating conditions and to document "
    "the results so that others can replicate them.",
    "Applicants should describe how financial support to third parties will reach at least {n} SMEs through open "
    "calls, with clear selection criteria and monitoring.",
    "The action should build interregional partnerships, linking smart specialisation strategies and sharing "
    "good practice between managing authorities.",
    "Activities may include training, matchmaking, technical assistance, market intelligence and support for "
    "internationalisation beyond Europe.",
    "Consortia are encouraged to involve partners from less developed regions and to explain how the project "
    "contributes to cohesion and the twin green and digital transition.",
    "Proposals must address skills needs and show how the workforce will be upskilled or reskilled in the field of "
    "{theme}.",
    "Results should feed into standards, certification schemes or public procurement where relevant, and "
    "respect the do no significant harm principle.",
    "A sound communication and dissemination plan is required, including an open access policy for publications "
    "and data where this is possible.",
    "The expected outcomes include new products and services, investment plans, and measurable reductions of "
    "emissions or resource use.",
    "Cooperation with the European Cluster Collaboration Platform and existing Euroclusters is welcome.",
]
CONDITIONS = [
    "<p>Eligible countries: as described in the General Annexes.</p>",
    "<p>Admissibility: proposals must be submitted through the electronic submission system before the deadline.</p>",
    "<ul><li>Page limit: 45 pages.</li><li>Lump sum budget table required.</li></ul>",
    "<p>Consortia must include at least <strong>{partners}</strong> independent legal entities from "
    "<strong>{countries}</strong> different eligible countries.</p>",
]
SWEDISH_BODY = [
    "Utlysningen riktar sig till klusterorganisationer och små och medelstora företag som arbetar med {theme}.",
    "Projekten ska stärka samarbete mellan företag, akademi och offentlig sektor i regionen.",
    "Stödet kan användas för förstudier, demonstrationsprojekt, kompetensutveckling och internationalisering.",
    "Sökande ska beskriva hur projektet bidrar till hållbar tillväxt och till den regionala strategin för smart "
    "specialisering.",
    "Finansieringen är högst {rate} procent av projektets stödberättigande kostnader.",
    "Resultaten ska spridas till andra aktörer och kunna användas efter projektets slut.",
]

EU_COUNTRIES = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "GR", "ES", "FI", "FR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
]  # fmt: skip


def _weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _local(day: datetime.date, hour: int, zone: str) -> datetime.datetime:
    """17:00 (or `hour`) local time on `day` in `zone`, as an aware UTC time (never a skipped hour: 17:00 always
    exists, and the other hours used are outside 02:00–03:00)."""
    local = datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=zoneinfo.ZoneInfo(zone))
    return local.astimezone(datetime.UTC)


def _deadlines(rng, model: str, first: datetime.date, zone: str) -> list[dict]:
    hour = rng.choice([17, 17, 17, 12, 14, 23])
    if model == "single-stage":
        return [{"at": _local(first, hour, zone), "time_zone": zone, "stage": 1, "label": ""}]
    if model == "two-stage":
        second = first + datetime.timedelta(days=rng.randint(100, 200))
        return [
            {"at": _local(first, hour, zone), "time_zone": zone, "stage": 1, "label": "first stage"},
            {"at": _local(second, hour, zone), "time_zone": zone, "stage": 2, "label": "second stage"},
        ]
    rows, day = [], first
    for number in range(1, rng.randint(2, 5) + 1):
        rows.append({"at": _local(day, hour, zone), "time_zone": zone, "stage": number, "label": f"cut-off {number}"})
        day += datetime.timedelta(days=rng.choice([60, 90, 91, 120]))
    return rows


def _text(rng, swedish: bool, theme: str, kind: str) -> str:
    """A description of about 1–3 kB as sanitised HTML paragraphs."""
    if swedish:
        sentences = [s.format(theme=theme, rate=rng.choice([40, 50, 70])) for s in rng.sample(SWEDISH_BODY, 4)]
        paragraphs = [" ".join(sentences[:2]), " ".join(sentences[2:])]
        target = rng.randint(900, 2200)
        while sum(len(p) for p in paragraphs) < target:
            paragraphs.append(rng.choice(SWEDISH_BODY).format(theme=theme, rate=50))
        return "".join(f"<p>{p}</p>" for p in paragraphs)
    opening = rng.choice(OPENINGS).format(kind=kind, who=rng.choice(WHO), theme=theme)
    target = rng.randint(1000, 3000)
    paragraphs = [f"<p><strong>Expected outcome:</strong> {opening}</p>"]
    size = len(paragraphs[0])
    while size < target:
        body = " ".join(s.format(theme=theme, n=rng.choice([20, 40, 60])) for s in rng.sample(BODY, 3))
        paragraphs.append(f"<p>{body}</p>")
        size += len(body) + 7
    return "".join(paragraphs)


def _call(rng, number: int, today: datetime.date, now: datetime.datetime, ecosystems: dict, tags: dict):
    """One unsaved FundingCall and what belongs to it: (call, deadlines, ecosystem ids, tag ids)."""
    from klusterplattform.funding.models import FundingCall

    swedish = rng.random() < 0.1
    programme, code, funder = rng.choice(SWEDISH_PROGRAMMES if swedish else PROGRAMMES)
    theme, keywords, theme_ecosystems, theme_tags = rng.choice(SWEDISH_THEMES if swedish else THEMES)
    zone = "Europe/Stockholm" if swedish else _weighted(rng, ZONES)
    model = _weighted(rng, [("single-stage", 6), ("two-stage", 2), ("multiple-cut-off", 2)])
    first = today + datetime.timedelta(days=rng.randint(-540, 540))
    opening = first - datetime.timedelta(days=rng.randint(45, 150))
    deadlines = [] if rng.random() < 0.03 else _deadlines(rng, model, first, zone)
    year = opening.year
    identifier = f"{PREFIX}{code}-{year}-{number:05d}"
    if number % 250 == 7:  # some identifiers with slashes, as EuropeAid uses
        identifier = f"{PREFIX}EuropeAid/{number:05d}/DD/ACT/Multi"
    title_theme = theme[0].upper() + theme[1:]
    title = (
        f"{title_theme}: stöd till samverkan och innovation ({number})"
        if swedish
        else f"{title_theme} – {rng.choice(['pilots', 'partnerships', 'scale-up', 'capacity building', 'investments'])}"
        f" for {rng.choice(WHO)} ({number})"
    )
    action = "" if swedish else rng.choice(ACTION_TYPES)
    total = Decimal(rng.choice([1, 2, 3, 5, 8, 10, 20, 30, 50, 100])) * 1_000_000
    per_min = Decimal(rng.choice([50, 100, 200, 500, 1000])) * 1000
    per_max = per_min * rng.choice([1, 2, 4, 6])
    partners, countries = rng.choice([(None, None), (1, 1), (3, 3), (4, 3), (5, 5)])
    eligible = (
        ["SE"] if swedish else rng.choice([[], [], EU_COUNTRIES, sorted(rng.sample(EU_COUNTRIES, rng.randint(3, 9)))])
    )
    description = _text(rng, swedish, theme, "call" if swedish else "topic")
    conditions = "".join(c.format(partners=partners or 1, countries=countries or 1) for c in rng.sample(CONDITIONS, 2))
    is_eu = not swedish and rng.random() < 0.85
    call = FundingCall(
        identifier=identifier,
        title=title,
        language="sv" if swedish else "en",
        programme=programme,
        funder=funder,
        call_identifier=f"{PREFIX}{code}-{year}",
        strand=theme,
        action_type=action,
        opening_date=opening,
        time_zone=zone,
        deadline_model=model if deadlines else "single-stage",
        source_status="" if deadlines else rng.choice(["open", "forthcoming"]),
        currency="SEK" if swedish else "EUR",
        total_budget=total * (10 if swedish else 1) if rng.random() < 0.9 else None,
        budget_min=per_min * (10 if swedish else 1) if rng.random() < 0.8 else None,
        budget_max=per_max * (10 if swedish else 1) if rng.random() < 0.9 else None,
        expected_grants=rng.randint(1, 40) if rng.random() < 0.7 else None,
        duration_min_months=rng.choice([None, 12, 18, 24]),
        duration_max_months=rng.choice([None, 24, 36, 48]),
        funding_rate_min=rng.choice([None, 50, 60]),
        funding_rate_max=rng.choice([None, 70, 100]),
        eligible_countries=eligible,
        min_partners=partners,
        min_countries=countries,
        cluster_organisations_eligible=rng.choices([True, False, None], [5, 1, 4])[0],
        cluster_eligibility_inferred=rng.random() < 0.2,
        requires_cluster_organisations=rng.random() < 0.15,
        requires_smes=rng.random() < 0.25,
        requires_less_developed_regions=rng.random() < 0.1,
        requires_eccp_registration=rng.random() < 0.1,
        is_cascade_funding=rng.random() < 0.15,
        source="eu-ft" if is_eu else "manual",
        source_url=f"https://funding.example.org/topic/{identifier.lower()}",
        keywords=keywords,
        description_html=description,
        conditions_html=conditions,
        last_imported_at=now - datetime.timedelta(hours=rng.randint(1, 72)) if is_eu else None,
        is_published=rng.random() < 0.97,
        is_demo=rng.random() < 0.03,
    )
    call.opens_at = _local(opening, 0, zone) if opening else None
    call.closes_at = max((d["at"] for d in deadlines), default=None)
    ecosystem_ids = {ecosystems[c] for c in theme_ecosystems if c in ecosystems}
    ecosystem_ids |= set(rng.sample(sorted(ecosystems.values()), rng.choice([0, 0, 1])))
    tag_ids = {tags[c] for c in theme_tags if c in tags and rng.random() < 0.85}
    return call, deadlines, sorted(ecosystem_ids), sorted(tag_ids)


def create_reference() -> None:
    """The 14 ecosystems and the three thematic tags, where missing."""
    from bench.europe import ECOSYSTEMS
    from klusterplattform.funding.models import ThematicTag
    from klusterplattform.registry.models import Ecosystem

    for position, (code, name_sv, name_en) in enumerate(ECOSYSTEMS, start=1):
        Ecosystem.objects.get_or_create(
            code=code, defaults={"name_sv": name_sv, "name_en": name_en, "position": position}
        )
    for position, (code, name_sv, name_en) in enumerate(
        [("green", "Grön omställning", "Green transition"), ("digital", "Digital omställning", "Digital transition"),
         ("resilience", "Motståndskraft", "Resilience")], start=1,
    ):  # fmt: skip
        ThematicTag.objects.get_or_create(
            code=code, defaults={"name_sv": name_sv, "name_en": name_en, "position": position}
        )


def generate_funding_calls(count: int = 5_000, seed: int = DEFAULT_SEED, replace: bool = False) -> dict:
    """Create `count` BENCH- calls in the current database (bulk inserts, one transaction); return what was made.
    Existing BENCH- calls are kept (nothing is made) unless `replace`."""
    from django.db import connection, transaction
    from django.utils import timezone

    from klusterplattform.core.text import fold
    from klusterplattform.funding import search
    from klusterplattform.funding.models import FundingCall, FundingDeadline, FundingSearchTerm, ThematicTag
    from klusterplattform.registry.models import Ecosystem

    existing = FundingCall.objects.filter(identifier__startswith=PREFIX)
    if existing.exists() and not replace:
        n = existing.count()
        print(f"benchmark funding calls already present ({n}): nothing to do (--replace to make them afresh)")
        return {"calls": n, "deadlines": None, "terms": None, "seconds": 0.0, "created": False}
    started = time.perf_counter()
    rng = random.Random(seed)
    now = timezone.now()
    today = now.date()
    with transaction.atomic():
        existing.delete()
        create_reference()
        ecosystems = dict(Ecosystem.objects.values_list("code", "pk"))
        tags = dict(ThematicTag.objects.values_list("code", "pk"))
        planned = [_call(rng, number, today, now, ecosystems, tags) for number in range(1, count + 1)]
        texts = []
        for call, *_rest in planned:
            texts.append(search.call_text(call))
            call.search_text = fold(texts[-1])
            call.search_terms = " ".join(sorted(search.terms(" ".join([call.title, call.keywords, call.strand]))))
        created = FundingCall.objects.bulk_create([p[0] for p in planned], batch_size=1000)
        if created[0].pk is None:  # a database that cannot return ids from bulk_create
            ids = dict(existing.values_list("identifier", "pk"))
            for call in created:
                call.pk = ids[call.identifier]
        deadlines, ecosystem_links, tag_links, term_rows = [], [], [], []
        EcosystemLink, TagLink = FundingCall.ecosystems.through, FundingCall.tags.through
        for (call, call_deadlines, ecosystem_ids, tag_ids), text in zip(planned, texts, strict=True):
            deadlines += [FundingDeadline(call_id=call.pk, **d) for d in call_deadlines]
            ecosystem_links += [EcosystemLink(fundingcall_id=call.pk, ecosystem_id=e) for e in ecosystem_ids]
            tag_links += [TagLink(fundingcall_id=call.pk, thematictag_id=t) for t in tag_ids]
            call_terms = sorted(search.terms(text))[: search.MAX_TERMS_PER_CALL]
            term_rows += [FundingSearchTerm(call_id=call.pk, term=term) for term in call_terms]
        FundingDeadline.objects.bulk_create(deadlines, batch_size=5000)
        EcosystemLink.objects.bulk_create(ecosystem_links, batch_size=5000)
        TagLink.objects.bulk_create(tag_links, batch_size=5000)
        FundingSearchTerm.objects.bulk_create(term_rows, batch_size=10_000)
    with connection.cursor() as cursor:
        # Fresh planner statistics; on PostgreSQL also the visibility map, so index-only scans need no heap visits.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    seconds = time.perf_counter() - started
    return {
        "calls": count,
        "deadlines": len(deadlines),
        "terms": len(term_rows),
        "seconds": round(seconds, 1),
        "created": True,
    }


_LOCK = []


def _schema_fingerprint() -> str:
    """A hash of the funding app's migrations: while the app is young its first migration is rewritten in place,
    and a database made from an older one must be made afresh."""
    import hashlib

    migrations = Path(__file__).resolve().parent.parent / "klusterplattform" / "funding" / "migrations"
    digest = hashlib.sha256()
    for path in sorted(migrations.glob("0*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def configure_database(kind: str) -> None:
    """Point this process at the funding benchmark database (created when missing, made afresh when the funding
    migrations changed), set Django up and migrate: production-like settings (DEBUG off, a throwaway secret).

    Holds a lock on the database until the process ends, so two benchmarks never run (or generate) at once."""
    import fcntl
    import os

    from bench.benchdb import PG_SERVER, SECRET_KEY

    DATA_DIR.mkdir(parents=True, exist_ok=True)
    lock = open(DATA_DIR / f"funding-{kind}.lock", "w")  # noqa: SIM115 - held until the process ends
    fcntl.flock(lock, fcntl.LOCK_EX)
    _LOCK.append(lock)
    stamp = DATA_DIR / f"funding-{kind}.schema"
    fresh = not stamp.exists() or stamp.read_text() != _schema_fingerprint()
    if kind == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            if fresh:
                admin.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
            if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PG_NAME]).fetchone():
                admin.execute(f"CREATE DATABASE {PG_NAME}")
        url = f"{PG_SERVER}/{PG_NAME}"
    else:
        if fresh:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{SQLITE_PATH}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{SQLITE_PATH}"
    for name in ("KP_ALLOW_DEV_SECRET", "DEBUG"):
        os.environ.pop(name, None)
    os.environ.update(
        DATABASE_URL=url,
        KP_VAR_DIR=str(DATA_DIR),
        SECRET_KEY=SECRET_KEY,
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,testserver",
        LOG_LEVEL="ERROR",
        DJANGO_SETTINGS_MODULE="klusterplattform.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    stamp.write_text(_schema_fingerprint())


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="sqlite")
    parser.add_argument("--calls", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--replace", action="store_true", help="delete the BENCH- calls and make them afresh")
    args = parser.parse_args(argv)
    if args.db == "both":
        import subprocess

        for kind in ["sqlite", "postgres"]:
            command = [sys.executable, __file__, "--db", kind, "--calls", str(args.calls), "--seed", str(args.seed)]
            subprocess.run(command + (["--replace"] if args.replace else []), check=True)
        return
    configure_database(args.db)
    print(f"== {args.db}")
    made = generate_funding_calls(args.calls, args.seed, args.replace)
    if made["created"]:
        print(f"generated {made['calls']} funding calls, {made['deadlines']} deadlines, {made['terms']} search rows "
              f"in {made['seconds']} s")  # fmt: skip


if __name__ == "__main__":
    main()
