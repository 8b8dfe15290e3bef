"""Peer groups: which groups an assessment belongs to, and their names in words.

A group key is "all", "ecosystem:<code>", "sector:<code>", "country:<ISO2>", "size:<size class>",
"programme:<slug>" or "label:<level>". Group membership is computed from the registry's facts about the cluster
(ecosystems, sectors, country, programmes it takes part in, official labels) plus what the assessment froze at
validation (size class) and its date (labels valid on assessed_on). The facts of any number of clusters load in
four queries (`load_facts`), so a programme's reports and the full rebuild cost the same handful.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from klusterplattform.registry.choices import ParticipationStatus
from klusterplattform.registry.countries import country_name
from klusterplattform.registry.models import ClusterOrganisation, ProgrammeParticipation
from klusterplattform.registry.models.translated import in_language

from ..choices import ClusterSize, PeerGroupKind
from ..models import Label
from ..models.labels import LabelLevel

KINDS = {kind.value for kind in PeerGroupKind}


@dataclass(frozen=True)
class Named:
    """A term or programme as the group selector names it (both languages, picked when shown)."""

    code: str
    name_sv: str
    name_en: str

    @property
    def name(self) -> str:
        return in_language(self, "name")


@dataclass
class ClusterFacts:
    country: str = ""
    ecosystems: list[Named] = field(default_factory=list)
    sectors: list[Named] = field(default_factory=list)
    programmes: list[Named] = field(default_factory=list)
    labels: list[tuple[str, datetime.date, datetime.date]] = field(default_factory=list)  # level, from, until

    def label_levels_on(self, day: datetime.date | None) -> list[str]:
        if day is None:
            return []
        levels = {level for level, awarded, until in self.labels if awarded <= day <= until}
        return [level.value for level in LabelLevel if level.value in levels]


def load_facts(countries: dict[int, str] | None = None, *, cluster_ids=None, is_demo=None) -> dict[int, ClusterFacts]:
    """{cluster_id: facts} for the given clusters (or all clusters of one demo flag), in four or five queries.

    `countries` ({cluster_id: country}) saves the query for countries when the caller holds the clusters already.
    """
    clusters = ClusterOrganisation.objects.all()
    if cluster_ids is not None:
        clusters = clusters.filter(pk__in=list(cluster_ids))
    if is_demo is not None:
        clusters = clusters.filter(is_demo=is_demo)
    if countries is None:
        countries = dict(clusters.values_list("pk", "country"))
    facts: dict[int, ClusterFacts] = defaultdict(ClusterFacts)
    for pk, country in countries.items():
        facts[pk].country = country
    scope = {"clusterorganisation__in": clusters.values("pk")}
    for attribute, through, term in [
        ("ecosystems", ClusterOrganisation.ecosystems.through, "ecosystem"),
        ("sectors", ClusterOrganisation.sectors.through, "sectoralindustry"),
    ]:
        rows = through.objects.filter(**scope).values_list(
            "clusterorganisation_id", f"{term}__code", f"{term}__name_sv", f"{term}__name_en"
        )
        for pk, code, name_sv, name_en in rows.order_by(f"{term}__position", f"{term}__code"):
            getattr(facts[pk], attribute).append(Named(code, name_sv, name_en))
    participations = (
        ProgrammeParticipation.objects.filter(cluster__in=clusters.values("pk"))
        .exclude(status=ParticipationStatus.WITHDRAWN)
        .values_list("cluster_id", "programme__slug", "programme__name_sv", "programme__name_en")
        .order_by("programme__slug")
    )
    for pk, slug, name_sv, name_en in participations:
        facts[pk].programmes.append(Named(slug, name_sv, name_en))
    labels = Label.objects.filter(cluster__in=clusters.values("pk")).values_list(
        "cluster_id", "level", "awarded_on", "valid_until"
    )
    for pk, level, awarded_on, valid_until in labels:
        facts[pk].labels.append((level, awarded_on, valid_until))
    return facts


def keys_for(facts: ClusterFacts, size_class: str, assessed_on: datetime.date | None) -> list[str]:
    """The peer groups of one assessment, in the order the selector lists them."""
    keys = ["all"]
    keys += [f"ecosystem:{term.code}" for term in facts.ecosystems]
    keys += [f"sector:{term.code}" for term in facts.sectors]
    if facts.country:
        keys.append(f"country:{facts.country}")
    if size_class:
        keys.append(f"size:{size_class}")
    keys += [f"programme:{programme.code}" for programme in facts.programmes]
    keys += [f"label:{level}" for level in facts.label_levels_on(assessed_on)]
    return keys


def parse_key(key: str) -> tuple[str, str]:
    """(kind, code) of a group key; ValueError when it is not one (the API answers 422)."""
    kind, _sep, code = (key or "").partition(":")
    if kind not in KINDS or (kind == "all") != (code == ""):
        raise ValueError(key)
    return kind, code


def group_label(key: str, facts: ClusterFacts) -> str:
    """The group in words, e.g. "Same industrial ecosystem: Health", "Label holders: Silver"."""
    kind, code = parse_key(key)
    if kind == "all":
        return _("All organisations")
    names = {
        "ecosystem": {t.code: t.name for t in facts.ecosystems},
        "sector": {t.code: t.name for t in facts.sectors},
        "programme": {p.code: p.name for p in facts.programmes},
        "country": {code: str(country_name(code))},
        "size": {c.value: str(c.label) for c in ClusterSize},
        "label": {c.value: str(c.label) for c in LabelLevel},
    }[kind]
    name = names.get(code, code)
    templates = {
        "ecosystem": _("Same industrial ecosystem: %(name)s"),
        "sector": _("Same sector: %(name)s"),
        "country": _("Same country: %(name)s"),
        "size": _("Same size class: %(name)s"),
        "programme": _("Same programme: %(name)s"),
        "label": _("Label holders: %(name)s"),
    }
    return templates[kind] % {"name": name}
