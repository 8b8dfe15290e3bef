from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views, views_account, views_audit, views_audit_export, views_two_factor

app_name = "accounts"

urlpatterns = [
    path("konto/logga-in/", views.sign_in, name="login"),
    path("konto/logga-in/kod/", views_two_factor.sign_in_code, name="two_factor_login"),
    path("konto/logga-ut/", views.sign_out, name="logout"),
    path("konto/", views_account.account, name="account"),
    path("konto/tvafaktor/", views_two_factor.enrol, name="two_factor"),
    path("konto/tvafaktor/stang-av/", views_two_factor.disable, name="two_factor_disable"),
    path("integritet/", views.privacy_notice, name="privacy"),
    # Password reset by e-mail: Django's views (signed, expiring, single-use links) with our templates.
    path(
        "konto/losenord/aterstall/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset_form.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "konto/losenord/aterstall/skickat/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "konto/losenord/nytt/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "konto/losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("konto/nycklar/<int:token_id>/aterkalla/", views_account.revoke_token, name="revoke_token"),
    path("historik/<str:reference>/", views_audit.history, name="history"),
    path("historik/<str:reference>/export.<str:file_format>", views_audit_export.history_export, name="history_export"),
]
