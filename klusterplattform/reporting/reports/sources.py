"""The data sources a report names on its title page and in its "About" sheet.

Honest data: a reader must see which figures are records (entered or imported facts) and which the platform
computed (estimates such as the benchmark), so each source says which it is.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

RECORD = "record"
COMPUTED = "computed"


@dataclass(frozen=True)
class Source:
    code: str
    name: object  # a lazily translated text
    kind: str  # RECORD or COMPUTED

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


KIND_LABELS = {RECORD: _("record"), COMPUTED: _("computed by the platform")}

SOURCES = (
    Source(
        "memberships", _("Registry memberships: organisations joining and leaving each cluster, with dates"), RECORD
    ),
    Source("labels", _("Cluster management labels as recorded from the awarding bodies (official)"), RECORD),
    Source(
        "benchmarks",
        _("The platform's benchmarks of self-assessments against European peers (an estimate, not a label)"),
        COMPUTED,
    ),
    Source("activities", _("Activity registrations, attendance and feedback given after activities"), RECORD),
    Source("calls", _("Applications to the programme's calls and their decisions"), RECORD),
    Source("funding", _("Funding calls the clusters have said they intend to apply for"), RECORD),
    Source("figures", _("Counts, shares and trends in this report, computed from the records above"), COMPUTED),
)
