"""Pages for people: included from registry/urls.py."""

urlpatterns = []
