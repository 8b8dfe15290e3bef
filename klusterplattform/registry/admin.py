from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import invitations
from .models import (
    ClusterOrganisation,
    ContactPerson,
    Ecosystem,
    Invitation,
    Membership,
    Organisation,
    Postcode,
    Programme,
    ProgrammeParticipation,
    Region,
    RoleGrant,
    S3PriorityArea,
    SectoralIndustry,
    TechnologyField,
)


class ContactInline(admin.TabularInline):
    model = ContactPerson
    extra = 0


class ParticipationInline(admin.TabularInline):
    model = ProgrammeParticipation
    extra = 0
    autocomplete_fields = ["cluster"]


@admin.register(ClusterOrganisation)
class ClusterOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "is_published", "is_demo", "updated_at"]
    list_filter = ["is_published", "is_demo", "country", "ecosystems"]
    search_fields = ["name", "legal_name", "slug", "organisation_number"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["regions", "ecosystems", "sectors", "technology_fields", "s3_priority_areas"]
    inlines = [ContactInline]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "type", "size_class", "region", "is_demo"]
    list_filter = ["type", "size_class", "is_demo", "country"]
    search_fields = ["name", "key", "organisation_number", "vat_number"]
    list_select_related = ["region"]
    autocomplete_fields = ["region"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "cluster", "kind", "joined", "left"]
    list_filter = ["kind"]
    list_select_related = ["organisation", "cluster"]
    autocomplete_fields = ["organisation", "cluster"]
    search_fields = ["organisation__name", "cluster__name"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_sv", "owner", "starts_on", "ends_on", "is_published", "is_demo"]
    list_filter = ["is_published", "is_demo"]
    inlines = [ParticipationInline]


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_sv", "name_en", "level", "country", "nuts3_code", "nuts2_code"]
    list_filter = ["level", "country"]
    search_fields = ["code", "name_sv", "name_en", "nuts3_code"]


@admin.register(S3PriorityArea)
class S3PriorityAreaAdmin(admin.ModelAdmin):
    list_display = ["title_sv", "region", "strategy_name", "period_start", "period_end"]
    list_filter = ["region"]
    filter_horizontal = ["ecosystems"]


@admin.register(Ecosystem, SectoralIndustry, TechnologyField)
class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["code", "name_sv", "name_en", "position"]
    search_fields = ["code", "name_sv", "name_en"]


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "cluster", "region", "granted_at"]
    list_filter = ["role"]
    autocomplete_fields = ["cluster", "region"]
    search_fields = ["user__email"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read-mostly: invitations are sent from the cluster's invitation page (which mails the link)."""

    list_display = ["email", "cluster", "status_label", "invited_by", "created_at", "expires_at", "accepted_at"]
    list_select_related = ["cluster", "invited_by"]
    search_fields = ["email", "cluster__name"]
    readonly_fields = [f.name for f in Invitation._meta.fields if f.name != "token_hash"]
    exclude = ["token_hash"]
    actions = ["revoke_selected"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("status"))
    def status_label(self, invitation):
        return invitation.get_status_display()

    @admin.action(description=_("Revoke the selected pending invitations"))
    def revoke_selected(self, request, queryset):
        for invitation in queryset:
            invitations.revoke(invitation)


@admin.register(Postcode)
class PostcodeAdmin(admin.ModelAdmin):
    """Loaded with `klusterplattform load_postcodes FILE`; kept here for inspection."""

    list_display = ["code", "locality", "municipality_code"]
    search_fields = ["code", "locality", "municipality_code"]
