"""Page routes of the excellence module: assessments (included by urls.py under the "excellence" namespace)."""

urlpatterns: list = []
