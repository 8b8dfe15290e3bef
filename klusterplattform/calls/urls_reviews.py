"""Page routes of the review (included by urls.py under the "calls" namespace)."""

from django.urls import path

from . import views_list_exports as exports
from . import views_reviews as views

urlpatterns: list = [
    path("utlysningar/<slug:slug>/granskare/", views.assign_reviewers, name="assign_reviewers"),
    path("utlysningar/<slug:slug>/granskare/<int:pk>/ta-bort/", views.unassign, name="unassign_reviewer"),
    path("utlysningar/<slug:slug>/rangordning/", views.ranking, name="ranking"),
    path("utlysningar/<slug:slug>/rangordning/export.<str:fmt>", views.ranking_export, name="ranking_export"),
    path("granskning/", views.my_reviews, name="my_reviews"),
    path("granskning/export.<str:file_format>", exports.my_reviews_export, name="my_reviews_export"),
    path("granskning/<int:pk>/", views.review, name="review"),
    path("granskning/<int:pk>/jav/", views.declare, name="declare_conflict"),
]
