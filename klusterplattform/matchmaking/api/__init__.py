"""The matchmaking module's API: partner searches and expressions of interest."""

from ninja import Router

router = Router(tags=["matchmaking"])

from . import events, matches, posts  # noqa: E402

router.add_router("", posts.router)
router.add_router("", events.router)
router.add_router("", matches.router)
