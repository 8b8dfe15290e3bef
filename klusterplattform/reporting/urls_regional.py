from django.urls import path

from . import views_regional

urlpatterns = [
    path("uppfoljning/region/<str:code>/", views_regional.region, name="region"),
]
