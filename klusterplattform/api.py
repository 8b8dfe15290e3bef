"""Assembles the per-app routers under /api/v1/ (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs)."""

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from klusterplattform.accounts.api import router as accounts_router
from klusterplattform.accounts.api_auth import unauthorised_response
from klusterplattform.activities.api import router as activities_router
from klusterplattform.calls.api import router as calls_router
from klusterplattform.excellence.api import router as excellence_router
from klusterplattform.funding.api import router as funding_router
from klusterplattform.matchmaking.api import router as matchmaking_router
from klusterplattform.registry.api import router as registry_router
from klusterplattform.registry.api.common import request_language

VALIDATION_ERROR = {
    "description": "The request's parameters are not valid: `detail` lists each one with where and why.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["detail"],
                "properties": {"detail": {"type": "array", "items": {"type": "object"}}},
            }
        }
    },
}


MALFORMED_BODY = {"description": "The request body is not valid JSON."}

NO_NULL_CHARACTERS = "^[^\\x00]*$"


class KlusterplattformAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Ninja answers invalid parameters with 422 but documents it nowhere; say so on every operation that has
        parameters, so clients (and the schema fuzzer) know what to expect."""
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                if operation.get("parameters") or operation.get("requestBody"):
                    operation.setdefault("responses", {}).setdefault("422", VALIDATION_ERROR)
                if operation.get("requestBody"):  # ninja refuses a body that is not JSON with 400
                    operation["responses"].setdefault("400", MALFORMED_BODY)
                for parameter in operation.get("parameters", []):
                    _no_null_characters(parameter.get("schema", {}))
        return schema


def _no_null_characters(parameter_schema: dict) -> None:
    """Say in the contract what RejectNullCharactersMiddleware enforces: no text parameter holds a null character."""
    for option in [parameter_schema, *parameter_schema.get("anyOf", [])]:
        if option.get("type") == "string" and "pattern" not in option and "enum" not in option:
            option["pattern"] = NO_NULL_CHARACTERS


api = KlusterplattformAPI(
    title="Klusterplattform API",
    version="1",
    description=(
        "Public and authenticated access to the cluster registry. Send `Authorization: Bearer <token>` to see what "
        "your roles allow (tokens: `klusterplattform token EMAIL`); writes will need it. Names of regions, "
        "taxonomies and programmes follow `Accept-Language` or `?lang=sv|en` (Swedish by default)."
    ),
    urls_namespace="api-v1",
)
api.add_router("", registry_router)
api.add_router("", accounts_router)
api.add_router("", excellence_router)
api.add_router("", activities_router)
api.add_router("", calls_router)
api.add_router("", funding_router)
api.add_router("", matchmaking_router)


@api.exception_handler(Http404)
def not_found(request, exc):
    # Unknown and not-visible objects get the same answer, so the API does not reveal what exists.
    with translation.override(request_language(request)):
        return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    with translation.override(request_language(request)):
        return unauthorised_response(api, request, exc)
