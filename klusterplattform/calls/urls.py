from django.urls import include, path

app_name = "calls"

# Paths are Swedish (the default language); English pages are the same paths under /en/. Each part of the module
# keeps its own routes.
urlpatterns = [
    path("", include("klusterplattform.calls.urls_calls")),
    path("", include("klusterplattform.calls.urls_applications")),
    path("", include("klusterplattform.calls.urls_reviews")),
    path("", include("klusterplattform.calls.urls_decisions")),
]
