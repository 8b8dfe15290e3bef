"""Pages for invitations: included from registry/urls.py."""

urlpatterns = []
