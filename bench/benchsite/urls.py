"""The real site's URLs plus the two reference endpoints the directory API is measured against."""

from django.urls import path

from klusterplattform.urls import urlpatterns as site_urlpatterns

from .drf import ClusterList
from .raw import raw_clusters, tuned_raw_clusters

urlpatterns = [
    path("bench/raw/clusters", raw_clusters),
    path("bench/raw-tuned/clusters", tuned_raw_clusters),
    path("bench/drf/clusters", ClusterList.as_view()),
    *site_urlpatterns,
]
