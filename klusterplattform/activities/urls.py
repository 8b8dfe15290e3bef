from django.urls import include, path

app_name = "activities"

# Paths are Swedish (the default language); English pages are the same paths under /en/. Each part of the module
# keeps its own routes.
urlpatterns = [
    path("", include("klusterplattform.activities.urls_calendar")),
    path("", include("klusterplattform.activities.urls_needs")),
    path("", include("klusterplattform.activities.urls_activities")),
    path("", include("klusterplattform.activities.urls_news")),
]
