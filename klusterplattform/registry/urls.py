from django.urls import include, path

from . import views, views_import
from .views import list_exports

app_name = "registry"

# Paths are Swedish (the default language); English pages are the same paths under /en/.
urlpatterns = [
    path("", views.home, name="home"),
    path("kluster/", views.cluster_directory, name="directory"),
    path("kluster/export.<str:file_format>", views.export_directory, name="directory_export"),
    path("kluster/<slug:slug>/", views.cluster_profile, name="cluster"),
    path("kluster/<slug:slug>/redigera/", views.cluster_edit, name="cluster_edit"),
    path("kluster/<slug:slug>/medlemmar/", views.memberships, name="memberships"),
    path(
        "kluster/<slug:slug>/medlemmar/export.<str:file_format>",
        list_exports.memberships_export,
        name="memberships_export",
    ),
    path("kluster/<slug:slug>/medlemmar/<int:membership_id>/avsluta/", views.end_membership, name="end_membership"),
    path("regioner/", views.region_list, name="regions"),
    path("regioner/export.<str:file_format>", list_exports.regions_export, name="regions_export"),
    path("regioner/<str:code>/", views.region_detail, name="region"),
    path("program/", views.programme_list, name="programmes"),
    path("program/export.<str:file_format>", list_exports.programmes_export, name="programmes_export"),
    path("program/<slug:slug>/", views.programme_detail, name="programme"),
    path("program/<slug:slug>/export.<str:file_format>", list_exports.participations_export, name="programme_export"),
    path("organisationer/import/", views_import.import_organisations, name="import_organisations"),
    path("", include("klusterplattform.registry.urls_invitations")),
    path("", include("klusterplattform.registry.urls_people")),
]
