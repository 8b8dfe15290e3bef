from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from klusterplattform.core.permissions import check

from . import views_two_factor
from .models import ApiToken, AuditEvent, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "last_login"]
    search_fields = ["email", "full_name"]
    fieldsets = (
        (None, {"fields": ("email", "password", "full_name")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens can be inspected and revoked here, never read: only the hash is stored."""

    list_display = ["prefix", "user", "name", "created_at", "expires_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "token_hash", "created_at", "last_used_at"]
    search_fields = ["user__email", "prefix"]

    def has_add_permission(self, request):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit trail, to read only: nothing in it can be added, changed or deleted through the platform."""

    list_display = ["at", "action", "object_repr", "content_type", "channel", "actor"]
    list_filter = ["channel", "action", "content_type"]
    search_fields = ["object_repr"]
    list_select_related = ["actor", "content_type"]
    date_hierarchy = "at"
    readonly_fields = ["at", "actor", "channel", "action", "content_type", "object_id", "object_repr", "changes"]

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_view_permission(self, request, obj=None):
        return check(request.user, "audit.view").allowed

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Django admin's own login form would skip two-factor authentication: its login page sends people to ours.
admin.site.login = views_two_factor.admin_login
