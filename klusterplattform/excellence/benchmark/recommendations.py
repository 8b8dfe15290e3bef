"""Recommendations for the weakest areas of a benchmark, written for this project (not ESCA's texts).

Each benchmarking area has one recommendation; the report picks the areas whose score is below the peers' middle
(position under 50), weakest first, at most MAX_AREAS, and names the area's indicators that sit lowest. When no area
is below the middle, one recommendation says how to keep the lead.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

MAX_AREAS = 3
BELOW_MIDDLE = 50.0

TEXTS = {
    "structure": _(
        "Broaden the participant base: map which kinds of organisations are missing (SMEs, research, large "
        "companies, public bodies) and plan targeted recruitment, so that the cluster covers its whole value chain."
    ),
    "governance": _(
        "Strengthen the cluster management: document roles and decision processes, give industry a clear voice on "
        "the board, and make sure the team has the staff time and experience the strategy needs."
    ),
    "financing": _(
        "Make the financing more robust: develop services participants pay for, raise the share of membership "
        "fees, and secure funding for more than one year ahead so the cluster is less dependent on public grants."
    ),
    "strategy": _(
        "Sharpen the strategy: write down goals with indicators you follow up, choose a few priority areas, and "
        "let participants take part in shaping the strategy rather than only being informed about it."
    ),
    "services": _(
        "Develop the service offer: ask participants which needs go unmet, add services where the gap is largest "
        "(for example internationalisation or funding advice) and follow up how many participants use them."
    ),
    "interaction": _(
        "Increase the interaction: meet participants more often, involve more of them in collaboration projects, "
        "and build links with cluster organisations abroad through agreements and joint activities."
    ),
    "achievements": _(
        "Make results visible: record the new products, services and projects the cluster helps create, apply for "
        "awards, and use external funding calls to grow the joint projects."
    ),
    "transitions": _(
        "Support the transitions: offer programmes for digital and green transformation rather than single "
        "activities, and invite social-economy actors to take part."
    ),
}

KEEP_LEAD = _(
    "Every area is at or above the peers' middle. Keep the lead by documenting what works, so that it can be "
    "shown as improvements when the cluster applies for a higher label."
)


@dataclass
class Recommendation:
    area: str  # area code; empty for the general recommendation
    area_label: str
    text: str
    indicators: list = field(default_factory=list)  # the area's weakest IndicatorResults


def recommend(report) -> list[Recommendation]:
    """Recommendations for the report's weakest areas (see the module docstring)."""
    scored = [area for area in report.areas if area.score is not None]
    weak = sorted((a for a in scored if a.score < BELOW_MIDDLE), key=lambda a: a.score)[:MAX_AREAS]
    if not weak:
        return [Recommendation("", "", str(KEEP_LEAD))] if scored else []
    result = []
    for area in weak:
        lowest = sorted(
            (r for r in area.indicators if r.is_judged and r.position < BELOW_MIDDLE), key=lambda r: r.position
        )
        result.append(Recommendation(area.code, area.label, str(TEXTS[area.code]), lowest[:3]))
    return result
