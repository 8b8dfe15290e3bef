from .activities import Activity, ActivityDocument, CalendarFeed
from .focus import FocusArea, FocusAreaIndicator
from .needs import StatedNeeds, StatedPriority
from .news import NewsItem, NewsSubscription, ProgrammeContact
from .registrations import Delivery, FeedbackResponse, Registration

__all__ = [
    "Activity",
    "ActivityDocument",
    "CalendarFeed",
    "Delivery",
    "FeedbackResponse",
    "FocusArea",
    "FocusAreaIndicator",
    "NewsItem",
    "NewsSubscription",
    "ProgrammeContact",
    "Registration",
    "StatedNeeds",
    "StatedPriority",
]
