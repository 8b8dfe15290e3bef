"""The calls module's API: calls, applications (with their transitions as actions) and reviews."""

from ninja import Router

router = Router(tags=["calls"])

from . import reviews  # noqa: E402

router.add_router("", reviews.router)

from . import applications  # noqa: E402

router.add_router("", applications.router)

from . import calls  # noqa: E402

router.add_router("", calls.router)
