"""Routes of the match page (under /matchning/): ranked clusters and member organisations, and votes on a match."""

from django.urls import path

from . import views_list_exports_matches as exports
from . import views_matches as views

urlpatterns: list = [
    path("matchning/", views.match_list, name="matches"),
    path("matchning/export.<str:file_format>", exports.matches_export, name="matches_export"),
    path("matchning/omdome/", views.match_feedback, name="match_feedback"),
]
