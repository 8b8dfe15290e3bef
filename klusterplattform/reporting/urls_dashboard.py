from django.urls import path

from . import views_dashboard

urlpatterns = [
    path("uppfoljning/", views_dashboard.dashboard, name="dashboard"),
]
