"""Routes of the officers' decisions and the decision e-mails."""

from django.urls import path

from . import views_decisions as views

urlpatterns: list = [
    path("ansokningar/<int:pk>/beslut/", views.decide, name="decide"),
    path("utlysningar/<slug:slug>/beslut/", views.bulk_decide, name="bulk_decide"),
    path("utlysningar/<slug:slug>/beslut/utskick/", views.notification_preview, name="notifications"),
]
