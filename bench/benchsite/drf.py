"""The obvious Django REST framework version of the directory: ListAPIView, ModelSerializer, PageNumberPagination.

It uses the same filter (ClusterFilter) and visibility rule, prefetches the regions (no N+1) and answers with the
same JSON shape, so the benchmark compares frameworks, not features.
"""

from django.conf import settings
from django.db.models import Prefetch
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from klusterplattform.registry.filters import ClusterFilter
from klusterplattform.registry.models import ClusterOrganisation, Region


class ClusterSerializer(serializers.ModelSerializer):
    regions = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    url = serializers.SerializerMethodField()

    class Meta:
        model = ClusterOrganisation
        fields = ["slug", "name", "country", "regions", "website", "is_demo", "url"]

    def get_url(self, cluster):
        return self.context["request"].build_absolute_uri(cluster.get_absolute_url())


class DirectoryPagination(PageNumberPagination):
    page_size = settings.KP_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = settings.KP_MAX_PAGE_SIZE

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "page": self.page.number,
                "page_size": self.page.paginator.per_page,
                "results": data,
            }
        )


class ClusterList(ListAPIView):
    serializer_class = ClusterSerializer
    pagination_class = DirectoryPagination

    def get_queryset(self):
        visible = ClusterOrganisation.objects.visible_to(self.request.user)
        regions = Prefetch("regions", queryset=Region.objects.order_by("code"))
        return ClusterFilter.from_params(self.request.GET).apply(visible).prefetch_related(regions)
