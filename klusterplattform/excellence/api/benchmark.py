"""The excellence API: benchmark."""

from ninja import Router

router = Router(tags=["excellence"])
