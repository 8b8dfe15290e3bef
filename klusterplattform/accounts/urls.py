from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("konto/logga-in/", views.sign_in, name="login"),
    path("konto/logga-ut/", views.sign_out, name="logout"),
]
