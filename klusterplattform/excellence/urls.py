from django.urls import include, path

app_name = "excellence"

# Paths are Swedish (the default language); English pages are the same paths under /en/. Each part of the module
# keeps its own routes.
urlpatterns = [
    path("", include("klusterplattform.excellence.urls_catalogue")),
    path("", include("klusterplattform.excellence.urls_assessments")),
    path("", include("klusterplattform.excellence.urls_benchmark")),
    path("", include("klusterplattform.excellence.urls_labels")),
    path("", include("klusterplattform.excellence.urls_readiness")),
]
