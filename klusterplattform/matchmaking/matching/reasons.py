"""The reasons shown with every match, one per scoring component that counted, in the reader's language.

Each reason names what both sides have ("Both in Textiles"), quotes the candidate's own words where the text matched
("Their strength “circular fibre recycling” matches your need"), or names the two regions whose strategies meet.
A reason carries the points its component added, so the list explains the score; nothing is shown by colour alone.
"""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from klusterplattform.registry.countries import country_name
from klusterplattform.registry.models import (
    ClusterOrganisation,
    Ecosystem,
    Organisation,
    Region,
    SectoralIndustry,
    TechnologyField,
)

from .features import s3_ecosystems_by_region
from .text import phrases, stems

QUOTE_LENGTH = 100
TAXONOMIES = {"e": Ecosystem, "s": SectoralIndustry, "t": TechnologyField}


@dataclass
class Reason:
    code: str
    component: str
    text: str
    points: float


def _contributions(candidate, weights) -> dict[str, float]:
    applicable = sum(weights[name] for name in candidate.components) or 1
    return {name: round(100 * weights[name] * v / applicable, 1) for name, v in candidate.components.items()}


class _Names:
    """Names of the taxonomy terms and regions the page's reasons mention, read once per page."""

    def __init__(self, tokens: set, region_ids: set):
        self.terms = {}
        for prefix, model in TAXONOMIES.items():
            ids = {int(t[1:]) for t in tokens if t[0] == prefix}
            for term in model.objects.filter(pk__in=ids):
                self.terms[f"{prefix}{term.pk}"] = term.name
        self.regions = {r.pk: r.name for r in Region.objects.filter(pk__in=region_ids)}

    def of(self, tokens) -> str:
        return ", ".join(sorted(self.terms.get(t, t) for t in tokens))


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def best_phrase(text: str, matched: set, weights: dict) -> str:
    """The phrase of `text` whose words carry most of the matched words' weight ("" when none does)."""
    best, best_weight = "", 0.0
    for phrase in phrases(text):
        weight = sum(weights.get(t, 0.0) for t in set(stems(phrase)) & matched)
        if weight > best_weight:
            best, best_weight = phrase, weight
    return _quote(best)


def _text_reason(need, candidate, profile, text_weights) -> tuple[str, str] | None:
    """Quote where the need's words were found: a strength first, else a sentence of the description or the
    strategy, else the name (all four are indexed, see features.cluster_text)."""
    name, strengths, description, strategy = profile
    phrase = best_phrase(strengths, candidate.matched_terms, text_weights)
    if phrase:
        return "text_strength", _("Their strength “%(phrase)s” matches your need") % {"phrase": phrase}
    phrase = best_phrase(description, candidate.matched_terms, text_weights) or best_phrase(
        strategy, candidate.matched_terms, text_weights
    )
    if phrase:
        return "text_profile", _("Their profile says “%(phrase)s”, which matches your need") % {"phrase": phrase}
    if best_phrase(name, candidate.matched_terms, text_weights):
        return "text_name", _("The name “%(name)s” matches your need") % {"name": name}
    return None


def _s3_reason(need, candidate, names, s3_by_region) -> str:
    """Name two regions whose strategies share ecosystems: another region first, else the region both are in."""
    theirs = sorted(int(t[1:]) for t in candidate.tokens if t[0] == "r")
    pairs = [(m, o) for m in sorted(need.regions) for o in theirs]
    for mine, other in sorted(pairs, key=lambda pair: pair[0] == pair[1]):
        shared = s3_by_region.get(mine, set()) & s3_by_region.get(other, set())
        if not shared:
            continue
        values = {
            "region": names.regions.get(mine, ""),
            "other": names.regions.get(other, ""),
            "ecosystems": names.of({f"e{e}" for e in shared}),
        }
        if mine == other:
            return _("Both are in %(region)s, whose smart-specialisation strategy prioritises %(ecosystems)s") % values
        return (
            _("%(region)s and %(other)s both prioritise %(ecosystems)s in their smart-specialisation strategies")
            % values
        )
    return ""


def _place(need, candidate, names) -> str:
    regions = {int(t[1:]) for t in candidate.tokens if t[0] == "r"} & need.regions_sought
    if regions:
        return ", ".join(sorted(names.regions.get(r, "") for r in regions))
    return country_name(candidate.country)


def _shared(need, candidate, prefix, names):
    shared = {t for t in need.sought if t[0] == prefix} & candidate.tokens
    if not shared:
        return None
    if need.is_post:
        return "sought_" + prefix, _("In %(names)s, which you seek") % {"names": names.of(shared)}
    return "shared_" + prefix, _("Both in %(names)s") % {"names": names.of(shared)}


def cluster_reasons(need, ranking, candidates) -> dict[int, list[Reason]]:
    """Object id → reasons, for the candidates of one page of a cluster ranking."""
    tokens = set(need.sought) | set(need.own)
    regions = set(need.regions) | set(need.regions_sought)
    for c in candidates:
        tokens |= c.tokens | {f"e{t[1:]}" for t in c.tokens if t[0] == "3"}  # strategies' ecosystems, by name
        regions |= {int(t[1:]) for t in c.tokens if t[0] == "r"}
    names = _Names(tokens, regions)
    s3_by_region = s3_ecosystems_by_region(regions) if need.s3 else {}
    profiles = {
        pk: (name, strengths, description, strategy)
        for pk, name, strengths, description, strategy in ClusterOrganisation.objects.filter(
            pk__in=[c.object_id for c in candidates]
        ).values_list("pk", "name", "strengths", "description", "strategy")
    }
    result = {}
    for candidate in candidates:
        points = _contributions(candidate, ranking.weights)
        reasons = []

        def add(component, found, points=points, reasons=reasons):
            if found:
                reasons.append(Reason(found[0], component, found[1], points.get(component, 0.0)))

        for component, prefix in (("ecosystems", "e"), ("sectors", "s"), ("technologies", "t")):
            if candidate.components.get(component):
                add(component, _shared(need, candidate, prefix, names))
        if candidate.components.get("complementary"):
            brings = {t for t in candidate.tokens if t[0] in "st"} - need.own
            ecosystems = {t for t in need.own | need.sought if t[0] == "e"} & candidate.tokens
            text = _("Brings %(names)s, which you do not have, to the shared ecosystem %(ecosystems)s") % {
                "names": names.of(brings),
                "ecosystems": names.of(ecosystems),
            }
            add("complementary", ("complementary", text))
        if candidate.components.get("s3"):
            add("s3", ("s3_overlap", _s3_reason(need, candidate, names, s3_by_region)))
        if candidate.components.get("text"):
            add(
                "text",
                _text_reason(
                    need, candidate, profiles.get(candidate.object_id, ("", "", "", "")), ranking.text_weights
                ),
            )
        if candidate.components.get("geography"):
            add(
                "geography",
                ("geography", _("In %(place)s, which you seek") % {"place": _place(need, candidate, names)}),
            )
        if candidate.label:
            level = {"gold": _("Gold"), "silver": _("Silver"), "bronze": _("Bronze")}[candidate.label]
            text = _("Holds the %(level)s label for cluster management excellence (official record)") % {"level": level}
            add("label", ("label", text))
        if candidate.components.get("activity", 0) >= 0.5 and candidate.updated_on:
            text = _("Profile updated %(date)s") % {"date": date_format(candidate.updated_on)}
            add("activity", ("activity", text))
        result[candidate.object_id] = reasons
    return result


def organisation_reasons(need, ranking, candidates, cluster_names: dict) -> dict[int, list[Reason]]:
    """Object id → reasons, for the candidates of one page of a member-organisation ranking."""
    names = _Names(set(), {int(t[1:]) for c in candidates for t in c.tokens if t[0] == "r"} | need.regions_sought)
    organisations = {o.pk: o for o in Organisation.objects.filter(pk__in=[c.object_id for c in candidates])}
    result = {}
    for candidate in candidates:
        points = _contributions(candidate, ranking.weights)
        organisation = organisations.get(candidate.object_id)
        reasons = []
        if candidate.components.get("cluster") and candidate.via_cluster:
            text = _("Member of %(cluster)s, which scores %(score)s for your need") % {
                "cluster": cluster_names.get(candidate.via_cluster, ""),
                "score": round(candidate.components["cluster"] * 100),
            }
            reasons.append(Reason("member_of", "cluster", text, points["cluster"]))
        if candidate.components.get("partner_type") and organisation:
            text = _("A partner of the type you seek: %(type)s") % {"type": organisation.get_type_display()}
            reasons.append(Reason("partner_type", "partner_type", text, points["partner_type"]))
        if candidate.components.get("geography"):
            text = _("In %(place)s, which you seek") % {"place": _place(need, candidate, names)}
            reasons.append(Reason("geography", "geography", text, points["geography"]))
        if candidate.components.get("text") and organisation:
            text = _("The name “%(name)s” matches your need") % {"name": organisation.name}
            reasons.append(Reason("text_name", "text", text, points["text"]))
        result[candidate.object_id] = reasons
    return result
