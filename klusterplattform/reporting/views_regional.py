"""The regional view (being written)."""

from django.http import Http404


def region(request, code):
    raise Http404
