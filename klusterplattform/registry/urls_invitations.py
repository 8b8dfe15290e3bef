"""Pages for invitations: included from registry/urls.py."""

from django.urls import path

from . import views_invitations as views

urlpatterns = [
    path("kluster/<slug:slug>/inbjudningar/", views.invitation_list, name="invitations"),
    path(
        "kluster/<slug:slug>/inbjudningar/export.<str:file_format>",
        views.invitations_export,
        name="invitations_export",
    ),
    path(
        "kluster/<slug:slug>/inbjudningar/<int:invitation_id>/aterkalla/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path("inbjudan/<str:token>/", views.accept_invitation, name="invitation_accept"),
]
