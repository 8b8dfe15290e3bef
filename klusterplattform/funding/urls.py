from django.urls import include, path

app_name = "funding"

# Paths are Swedish (the default language); English pages are the same paths under /en/. Identifiers may contain
# slashes (EuropeAid/186246/DD/ACT/NG), so they are matched with <path:…>: the routes that end in a fixed word
# (…/andra/, …/kalender.ics, …/kluster/<slug>/) come first and the bare call page last.
urlpatterns = [
    path("", include("klusterplattform.funding.urls_fit")),
    path("", include("klusterplattform.funding.urls_notify")),
    path("", include("klusterplattform.funding.urls_calls")),
]
