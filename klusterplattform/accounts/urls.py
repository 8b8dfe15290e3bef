from django.urls import path

from . import views, views_account

app_name = "accounts"

urlpatterns = [
    path("konto/logga-in/", views.sign_in, name="login"),
    path("konto/logga-ut/", views.sign_out, name="logout"),
    path("konto/", views_account.account, name="account"),
    path("konto/nycklar/<int:token_id>/aterkalla/", views_account.revoke_token, name="revoke_token"),
]
