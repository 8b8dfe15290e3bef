"""Public registry pages. (Placeholder bodies: the pages helper replaces them.)"""

from django.http import Http404
from django.shortcuts import render


def home(request):
    return render(request, "registry/home.html")


def _todo(request, **kwargs):
    raise Http404


cluster_directory = cluster_profile = region_list = region_detail = programme_list = programme_detail = _todo
