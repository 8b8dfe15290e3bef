"""Pages for people: included from registry/urls.py."""

from django.urls import path

from . import views_people

urlpatterns = [
    path("personer/", views_people.person_search, name="people"),
    path("personer/exportera/", views_people.person_export, name="people_export"),
    path("personer/radera/", views_people.person_erase, name="people_erase"),
]
