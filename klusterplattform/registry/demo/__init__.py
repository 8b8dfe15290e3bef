"""The fictional demo population behind `klusterplattform load_demo`.

Everything made here is flagged `is_demo=True`, named so it cannot be taken for a real organisation, and points
only at example.org. It is generated deterministically (seeded Faker and `random.Random`), in steps that later
modules extend with their own records (see `steps.py`).
"""

from . import clusters, organisations, programme  # noqa: F401 - importing registers the registry's steps
from .context import DemoContext, DemoSize
from .steps import DemoStep, load_demo, register, registered_steps, remove_demo

__all__ = ["DemoContext", "DemoSize", "DemoStep", "load_demo", "register", "registered_steps", "remove_demo"]
