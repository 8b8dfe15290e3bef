"""The funding module's API: the register of funding calls and a cluster's fit."""

from ninja import Router

router = Router(tags=["funding"])

from . import fit  # noqa: E402

router.add_router("", fit.router)

from . import calls  # noqa: E402

router.add_router("", calls.router)
