"""Fixtures shared by every test: real-data location, personas, and the headless browser."""

import os
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI") == "true"
SHARED_DATA = Path(os.environ.get("KP_SHARED_DATA") or Path(__file__).resolve().parent.parent / "shared" / "data")


def skip_or_fail(reason: str):
    """Outside CI a missing prerequisite skips with a clear message; in CI it fails, so CI cannot go green blind."""
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        skip_or_fail(f"real data folder {SHARED_DATA} is absent (it sits beside the repository as ../shared/data)")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Swedish, the default language. A request to /en/… leaves English active in the thread
    after it returns, which would make `reverse()` and lazy texts of the next test on the same worker English."""
    from django.utils import translation

    translation.activate("sv")
    yield
    translation.deactivate()
