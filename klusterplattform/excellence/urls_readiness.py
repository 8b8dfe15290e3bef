"""Page routes of the excellence module: readiness (included by urls.py under the "excellence" namespace)."""

urlpatterns: list = []
