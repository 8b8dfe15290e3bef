"""Page routes of the excellence module: catalogue (included by urls.py under the "excellence" namespace)."""

from django.urls import path

from . import views_catalogue, views_list_exports

# The import route comes before the <slug:code> routes: "import" would otherwise be taken for a catalogue code.
urlpatterns = [
    path("indikatorer/", views_catalogue.catalogue_list, name="catalogues"),
    path("indikatorer/export.<str:file_format>", views_list_exports.catalogues_export, name="catalogues_export"),
    path("indikatorer/import/", views_catalogue.catalogue_import, name="catalogue_import"),
    path("indikatorer/<slug:code>/", views_catalogue.catalogue_detail, name="catalogue"),
    path("indikatorer/<slug:code>/export.json", views_catalogue.catalogue_export, name="catalogue_export"),
]
