"""Page routes of the excellence module: labels (included by urls.py under the "excellence" namespace)."""

urlpatterns: list = []
