"""Parts of the permission matrix that feature modules keep in their own files (one module per part).

Each module defines `PAGES` and `API` like test_permission_matrix.py does, and may define `values(objects)`, which
creates the objects its calls need and returns more values for the URLs. `objects` holds the matrix world:
users (by persona), cluster_a, cluster_b, programme, and every value earlier parts returned.
"""

import importlib
import pkgutil

PARTS = [
    importlib.import_module(f"{__name__}.{info.name}")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name)
]


def merged(name: str) -> dict:
    result = {}
    for part in PARTS:
        overlap = set(result) & set(getattr(part, name, {}))
        assert not overlap, f"{part.__name__} repeats matrix entries: {sorted(overlap)}"
        result.update(getattr(part, name, {}))
    return result


def values(objects: dict) -> dict:
    extra = {}
    for part in PARTS:
        if hasattr(part, "values"):
            extra.update(part.values({**objects, **extra}))
    return extra
