from django.urls import include, path

app_name = "matchmaking"

# Paths are Swedish (the default language); English pages are the same paths under /en/.
urlpatterns = [
    path("", include("klusterplattform.matchmaking.urls_posts")),
    path("", include("klusterplattform.matchmaking.urls_events")),
    path("", include("klusterplattform.matchmaking.urls_matches")),
]
