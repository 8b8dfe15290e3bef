"""Page routes of the excellence module: labels (included by urls.py under the "excellence" namespace)."""

from django.urls import path

from . import views_labels as views

urlpatterns: list = [
    path("etiketter/", views.label_register, name="labels"),
    path("etiketter/export.<str:file_format>", views.label_export, name="labels_export"),
    path("etiketter/<int:pk>/certifikat/", views.label_certificate, name="label_certificate"),
    path("kluster/<slug:slug>/etiketter/", views.cluster_labels, name="cluster_labels"),
    path("kluster/<slug:slug>/etiketter/ny/", views.label_create, name="label_create"),
]
