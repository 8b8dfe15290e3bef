"""A mixin for admin pages that show records for support but must not change them: records whose changes go through
services (workflows, waiting lists, one-response rules) that the admin would bypass."""


class ReadOnlyAdmin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
