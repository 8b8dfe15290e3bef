"""The reporting module's rows of the permission table (the engine is core/permissions.py).

The programme dashboard, its reports and the regional view are for the agency's officers; a regional officer sees
the same pages for their own regions only (`dashboard.view` on a region, and `dashboard_region_ids` for the lists).
A cluster's managers see their own cluster's fact sheet. KPIs, evaluation surveys and the evaluation export are the
agency's. Answering a survey is not a role's action: it needs an invitation (reporting/surveys.py)."""

from django.utils.translation import gettext_lazy as _

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Facts, Scope, define

ALL, OWN_CLUSTER, OWN_REGION = Scope.ALL, Scope.OWN_CLUSTER, Scope.OWN_REGION

define(
    "dashboard.view",
    _("See the programme dashboard and reports (regional officers: their regions' view)"),
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "factsheet.view",
    _("See and download a cluster's fact sheet"),
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "kpi.view",
    _("See the programme's KPIs and their values"),
    regional_officer=ALL,
    officer=ALL,
    admin=ALL,
)
define("kpi.manage", _("Define KPIs and enter or freeze their values"), officer=ALL, admin=ALL)
define(
    "survey.manage", _("Write question sets, send evaluation surveys and see who has answered"), officer=ALL, admin=ALL
)
define("survey.results", _("See the anonymised results of evaluation surveys"), officer=ALL, admin=ALL)
define("evaluation.export", _("Download the evaluation data export"), officer=ALL, admin=ALL)


def region_facts(region) -> Facts:
    return Facts(published=True, region_ids={region.pk})


def register_facts():
    """Called from ReportingConfig.ready()."""
    from klusterplattform.registry.models import Region

    engine.describe(Region, region_facts)


def dashboard_region_ids(user) -> set[int] | None:
    """The regions whose figures the user may see on the dashboard: None for all (officers), else the regions of
    their regional-officer grants (an empty set: none)."""
    scopes = engine.allowed_scopes(user, "dashboard.view")
    if any(scope == ALL for _held, scope in scopes):
        return None
    return {held.region_id for held, scope in scopes if scope == OWN_REGION and held.region_id}
