"""The activities module's rows of the permission table (the engine is core/permissions.py).

What a programme's objects are about: an activity, a news item or a needs analysis reaches the cluster organisations
that take part in the programme (their managers register people, read participants-only news, see their own
position) and the regions of those clusters (regional officers). Drill-down to named clusters in a needs analysis,
attendance and feedback results are for programme officers.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from klusterplattform.core import permissions as engine
from klusterplattform.core.permissions import Decision, Facts, Scope, check, define
from klusterplattform.registry.choices import ParticipationStatus
from klusterplattform.registry.permissions import cluster_facts

ALL, PUBLISHED, OWN_CLUSTER, OWN_REGION = Scope.ALL, Scope.PUBLISHED, Scope.OWN_CLUSTER, Scope.OWN_REGION

define(
    "needs.view",
    _("See a programme's needs analysis (cluster managers: their own position and the anonymised aggregate)"),
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "needs.drill_down",
    _("See which clusters share a need in a programme's needs analysis"),
    officer=ALL,
    admin=ALL,
)
define(
    "needs.state",
    _("State a cluster's own needs in a round (priorities per focus area)"),
    cluster_manager=OWN_CLUSTER,
)
define(
    "focus.manage",
    _("Define a programme's focus areas and which indicators they cover"),
    officer=ALL,
    admin=ALL,
)
define(
    "activity.view",
    _("See an activity (unpublished ones only within the scope)"),
    anonymous=PUBLISHED,
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "activity.manage",
    _("Create and change activities, their documents, attendance and registrations"),
    officer=ALL,
    admin=ALL,
)
define(
    "activity.register",
    _("Register people of a cluster organisation for an activity, and cancel them"),
    cluster_manager=OWN_CLUSTER,
    officer=ALL,
    admin=ALL,
)
define(
    "activity.feedback_results",
    _("See the feedback results and attendance of an activity"),
    officer=ALL,
    admin=ALL,
)
define(
    "participation.view",
    _("See participation statistics (cluster managers: their own cluster's)"),
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "news.view",
    _("Read a programme's news (participants-only items within the scope)"),
    anonymous=PUBLISHED,
    cluster_manager=OWN_CLUSTER,
    regional_officer=OWN_REGION,
    officer=ALL,
    admin=ALL,
)
define(
    "news.publish",
    _("Write and publish a programme's news and keep its contact persons"),
    officer=ALL,
    admin=ALL,
)


def participating_cluster_ids(programme) -> set[int]:
    """Cluster organisations taking part in the programme now (not those that withdrew)."""
    cached = getattr(programme, "_kp_participants", None)
    if cached is None:
        cached = set(
            programme.participations.exclude(status=ParticipationStatus.WITHDRAWN).values_list("cluster_id", flat=True)
        )
        programme._kp_participants = cached
    return cached


def programme_reach(programme, published: bool) -> Facts:
    """The Facts of an object of a programme: its participating clusters and their regions."""
    from klusterplattform.registry.models import ClusterOrganisation

    cluster_ids = participating_cluster_ids(programme)
    region_ids = getattr(programme, "_kp_participant_regions", None)
    if region_ids is None:  # cached on the programme object: a page checks several of its objects
        through = ClusterOrganisation.regions.through
        rows = through.objects.filter(clusterorganisation_id__in=cluster_ids).values_list("region_id", flat=True)
        region_ids = programme._kp_participant_regions = set(rows)
    return Facts(published=published and programme.is_published, cluster_ids=cluster_ids, region_ids=region_ids)


def _activity_facts(activity) -> Facts:
    return programme_reach(activity.programme, activity.is_published)


def _news_facts(item) -> Facts:
    public = item.audience == "public" and item.published_at is not None and item.published_at <= timezone.now()
    return programme_reach(item.programme, public)


def register_facts():
    """Called from ActivitiesConfig.ready()."""
    from . import models

    engine.describe(models.Activity, _activity_facts)
    engine.describe(models.NewsItem, _news_facts)
    engine.describe(models.Registration, lambda registration: cluster_facts(registration.cluster))


def _participating(cluster_ids) -> Q:
    from klusterplattform.registry.models import ProgrammeParticipation

    return Q(
        programme__in=ProgrammeParticipation.objects.filter(cluster_id__in=cluster_ids)
        .exclude(status=ParticipationStatus.WITHDRAWN)
        .values("programme_id")
    )


def _in_regions(region_ids) -> Q:
    from klusterplattform.registry.models import ClusterOrganisation, ProgrammeParticipation

    through = ClusterOrganisation.regions.through
    clusters = through.objects.filter(region_id__in=region_ids).values("clusterorganisation_id")
    return Q(
        programme__in=ProgrammeParticipation.objects.filter(cluster_id__in=clusters)
        .exclude(status=ParticipationStatus.WITHDRAWN)
        .values("programme_id")
    )


def activity_visibility_filter(user) -> Q:
    return engine.filter_for(
        user,
        "activity.view",
        {
            PUBLISHED: lambda ids: Q(is_published=True, programme__is_published=True),
            OWN_CLUSTER: _participating,
            OWN_REGION: _in_regions,
        },
    )


def news_visibility_filter(user) -> Q:
    """Published items the user may read (drafts are for news.publish only)."""
    now = timezone.now()
    reach = engine.filter_for(
        user,
        "news.view",
        {
            PUBLISHED: lambda ids: Q(audience="public", programme__is_published=True),
            OWN_CLUSTER: _participating,
            OWN_REGION: _in_regions,
        },
    )
    return reach & Q(published_at__isnull=False, published_at__lte=now)


def registration_visibility_filter(user) -> Q:
    """Registrations the user may see: officers all, cluster managers their own cluster's."""
    return engine.filter_for(user, "activity.register", {OWN_CLUSTER: lambda ids: Q(cluster_id__in=ids)})


def can_register(user, activity, cluster) -> Decision:
    """May the user register people of `cluster` for `activity`? The user must reach the cluster, and the cluster
    must take part in the activity's programme."""
    decision = check(user, "activity.register", cluster)
    if not decision:
        return decision
    if cluster.pk not in participating_cluster_ids(activity.programme):
        return Decision(False, "the cluster does not take part in the activity's programme")
    return decision


def can(user, action: str, obj=None) -> Decision:
    return check(user, action, obj)
