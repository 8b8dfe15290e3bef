"""The activities module's API: activities and registrations, a programme's needs analysis."""

from ninja import Router

router = Router(tags=["activities"])

from . import needs  # noqa: E402

router.add_router("", needs.router)

from . import activities  # noqa: E402

router.add_router("", activities.router)
