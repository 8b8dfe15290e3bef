"""The extension point of `load_demo`: an ordered list of named steps, each idempotent on its own.

Any app adds its fictional records by registering steps in a module called `demo` (a `demo.py` file or a `demo/`
package), which `load_demo` imports the way the admin discovers `admin.py`:

    from klusterplattform.registry.demo import DemoStep, register

    register(DemoStep("assessments", order=100, run=make_assessments, is_loaded=..., remove=...))

`run(context)` writes the step's records (all with `is_demo=True`) and returns a one-line summary; `is_loaded()`
says whether they are already there, so a later run skips the step; `remove()` deletes them. A step reads what it
builds on (demo clusters, organisations) from the database, so it also works when added to an existing instance.
Registry steps use orders 10–40; later modules use 100 and up.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils.module_loading import autodiscover_modules

from .context import DemoContext


@dataclass(frozen=True)
class DemoStep:
    name: str
    order: int
    run: Callable[[DemoContext], str]
    is_loaded: Callable[[], bool]
    remove: Callable[[], object]


_STEPS: dict[str, DemoStep] = {}


def register(step: DemoStep) -> DemoStep:
    _STEPS[step.name] = step
    return step


def registered_steps() -> list[DemoStep]:
    autodiscover_modules("demo")
    return sorted(_STEPS.values(), key=lambda step: (step.order, step.name))


def load_demo(context: DemoContext) -> list[str]:
    """Run every step not yet loaded, each in its own transaction; return their summaries (empty: all loaded)."""
    summaries = []
    for step in registered_steps():
        if step.is_loaded():
            continue
        with transaction.atomic():
            summaries.append(step.run(context))
    return summaries


@transaction.atomic
def remove_demo() -> None:
    """Delete every demo record, later steps first (they build on the earlier ones)."""
    for step in reversed(registered_steps()):
        step.remove()
