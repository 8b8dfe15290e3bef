"""The excellence module's JSON API: one router from small modules, under /api/v1/ (klusterplattform/api.py)."""

from ninja import Router

from . import assessments, benchmark, indicators, labels

router = Router()
router.add_router("", indicators.router)
router.add_router("", assessments.router)
router.add_router("", benchmark.router)
router.add_router("", labels.router)
