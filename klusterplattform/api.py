"""Assembles the per-app routers under /api/v1/ (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs)."""

from ninja import NinjaAPI

from klusterplattform.registry.api import router as registry_router

api = NinjaAPI(
    title="Klusterplattform API",
    version="1",
    description="Public and authenticated access to the cluster registry. Writes need `Authorization: Bearer <token>`.",
    urls_namespace="api-v1",
)
api.add_router("", registry_router)
