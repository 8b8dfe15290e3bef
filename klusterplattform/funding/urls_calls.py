from django.urls import path  # noqa: F401

# Placeholder until the list page lands: the header links to funding:calls.
from django.views.generic import TemplateView

urlpatterns: list = [path("finansiering/", TemplateView.as_view(template_name="base.html"), name="calls")]
