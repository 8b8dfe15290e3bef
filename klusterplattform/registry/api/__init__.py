"""The registry's JSON API: one router from small modules, mounted under /api/v1/ by klusterplattform/api.py."""

from ninja import Router

# cluster_edit puts PATCH /clusters/{slug} on clusters.router: ninja answers a path from one router only.
from . import cluster_edit, clusters, memberships, organisations, programmes, reference  # noqa: F401

router = Router()
router.add_router("", clusters.router)
router.add_router("", memberships.router)
router.add_router("", organisations.router)
router.add_router("", reference.router)
router.add_router("", programmes.router)
