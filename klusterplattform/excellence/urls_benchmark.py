"""Page routes of the excellence module: benchmark (included by urls.py under the "excellence" namespace)."""

from django.urls import path

from . import views_benchmark as views

urlpatterns: list = [
    path("bedomningar/<int:pk>/benchmark/", views.benchmark, name="benchmark"),
    path("bedomningar/<int:pk>/benchmark.pdf", views.benchmark_pdf, name="benchmark_pdf"),
]
