"""Every API schema class has a name of its own: the OpenAPI document names components by class name, so two
modules' `CompletenessOut` would silently share one component and the API would document the wrong shape."""

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]


def _schema_classes():
    found = defaultdict(list)
    for path in PACKAGE.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                getattr(base, "id", getattr(base, "attr", "")) in ("Schema", "ModelSchema") for base in node.bases
            ):
                found[node.name].append(str(path.relative_to(PACKAGE)))
    return found


def test_no_two_api_schemas_share_a_name():
    shared = {name: paths for name, paths in _schema_classes().items() if len(paths) > 1}
    assert not shared, f"API schema names used twice (rename one): {shared}"


def test_the_openapi_document_has_the_applications_own_completeness(client, db):
    components = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert "ApplicationCompletenessOut" in components and "CompletenessOut" in components
    assert components["CompletenessOut"]["properties"]["missing"]["type"] == "integer"
