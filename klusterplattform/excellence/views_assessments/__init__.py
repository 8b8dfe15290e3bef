"""Pages of the self-assessment workflow: rounds, the assessments list and page, filling in an area, evidence,
transitions and comments. Every page finds the assessment through `visible_to` (a foreign one is a 404) and refuses
what the user may not do with a page that says why (403)."""

from .actions import assessment_comment, assessment_transition
from .area import assessment_area
from .evidence import evidence_delete, evidence_download
from .pages import assessment_detail, assessment_list
from .rounds import round_create, round_detail, round_list, round_start

__all__ = [
    "assessment_area",
    "assessment_comment",
    "assessment_detail",
    "assessment_list",
    "assessment_transition",
    "evidence_delete",
    "evidence_download",
    "round_create",
    "round_detail",
    "round_list",
    "round_start",
]
