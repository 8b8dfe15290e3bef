"""Staff upload page for the member import. (Placeholder: the import helper replaces it.)"""

from django.http import Http404


def import_organisations(request):
    raise Http404
