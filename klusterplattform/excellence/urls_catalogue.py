"""Page routes of the excellence module: catalogue (included by urls.py under the "excellence" namespace)."""

urlpatterns: list = []
