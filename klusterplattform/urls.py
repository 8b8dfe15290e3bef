from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from klusterplattform.api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

# Swedish is the default and has no prefix; English pages live under /en/.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("klusterplattform.accounts.urls")),
    path("", include("klusterplattform.registry.urls")),
    path("", include("klusterplattform.excellence.urls")),
    path("", include("klusterplattform.activities.urls")),
    path("", include("klusterplattform.calls.urls")),
    path("", include("klusterplattform.funding.urls")),
    path("", include("klusterplattform.matchmaking.urls")),
    path("", include("klusterplattform.reporting.urls")),
    prefix_default_language=False,
)
