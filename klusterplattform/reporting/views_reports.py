"""Reports and exports (being written)."""

from django.http import Http404


def programme_report(request, file_format):
    raise Http404


def region_report(request, code, file_format):
    raise Http404


def factsheet(request, slug):
    raise Http404


def evaluation_export(request, file_format):
    raise Http404
