"""ECCP-style profile checks (DOMAIN.md 2.3) as data: shown on the profile as a checklist, never a hard block.

Each check names the criterion, the threshold and how the cluster fares; adding a check means adding a row.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from .stats import triple_helix_types


@dataclass(frozen=True)
class CheckResult:
    code: str
    label: str
    passed: bool
    detail: str


def _fte(cluster, counts):
    value = cluster.management_fte
    passed = value is not None and value >= Decimal("0.5")
    return passed, _("Management team: %(fte)s FTE (at least 0.5)") % {"fte": value if value is not None else "–"}


def _committed_members(cluster, counts):
    members = counts["members"]
    return members >= 15, _("%(n)d dedicated members (at least 15)") % {"n": members}


def _member_types(cluster, counts):
    present = triple_helix_types(counts["by_type"])
    return len(present) >= 2, _("%(n)d member categories (at least 2 of industry, research, public, civil society)") % {
        "n": len(present)
    }


def _website(cluster, counts):
    if not cluster.website:
        return False, _("No website given")
    if not cluster.website_in_english:
        return False, _("Website given, but no English version recorded")
    return True, _("Website with an English version")


ECCP_CHECKS = (
    ("management_fte", _("Dedicated cluster management"), _fte),
    ("committed_members", _("Committed members"), _committed_members),
    ("member_types", _("Triple helix: several member types"), _member_types),
    ("website", _("Website in English"), _website),
)


def eccp_checklist(cluster, counts: dict) -> list[CheckResult]:
    """Run every check; `counts` is this cluster's entry from stats.member_counts()."""
    results = []
    for code, label, check in ECCP_CHECKS:
        passed, detail = check(cluster, counts)
        results.append(CheckResult(code=code, label=str(label), passed=passed, detail=str(detail)))
    return results
