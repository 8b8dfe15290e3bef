"""The activities module's API: activities and registrations, a programme's needs analysis."""

from ninja import Router

router = Router(tags=["activities"])
