"""Page routes of the excellence module: benchmark (included by urls.py under the "excellence" namespace)."""

urlpatterns: list = []
