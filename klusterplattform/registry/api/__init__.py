"""The registry's JSON API: one router from small modules, mounted under /api/v1/ by klusterplattform/api.py."""

from ninja import Router

from . import clusters, organisations, programmes, reference

router = Router()
router.add_router("", clusters.router)
router.add_router("", organisations.router)
router.add_router("", reference.router)
router.add_router("", programmes.router)
