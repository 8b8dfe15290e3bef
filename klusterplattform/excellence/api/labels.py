"""The excellence API: labels."""

from ninja import Router

router = Router(tags=["excellence"])
