"""The excellence API: assessments."""

from ninja import Router

router = Router(tags=["excellence"])
