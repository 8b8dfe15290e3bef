from .applications import Application, ApplicationEditor, ApplicationEvent, ApplicationFile, Endorsement
from .calls import Call, CallDocument, FormVersion, ReviewCriterion, ReviewPhase
from .notices import DecisionNotice
from .reviews import Review, ReviewAssignment

__all__ = [
    "Application",
    "ApplicationEditor",
    "ApplicationEvent",
    "ApplicationFile",
    "Call",
    "CallDocument",
    "DecisionNotice",
    "Endorsement",
    "FormVersion",
    "Review",
    "ReviewAssignment",
    "ReviewCriterion",
    "ReviewPhase",
]
