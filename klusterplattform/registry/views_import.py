"""Staff upload page for the member import: the same import the command line runs, with its report as a table."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from .forms import OrganisationImportForm
from .importing import import_organisations as run_import
from .importing.columns import COLUMNS, KEY_COLUMNS, REQUIRED_COLUMNS
from .permissions import can_import_organisations

ERRORS_SHOWN = 200


def import_organisations(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    allowed, _reason = can_import_organisations(request.user)
    if not allowed:
        raise Http404  # a page someone may not use does not exist for them
    result = None
    if request.method == "POST":
        form = OrganisationImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            cluster = form.cleaned_data["cluster"]
            result = run_import(
                form.file_bytes,
                form.cleaned_data["file"].name,
                cluster=cluster.slug if cluster else "",
                dry_run=form.cleaned_data["dry_run"],
            )
    else:
        form = OrganisationImportForm(user=request.user)
    context = {
        "form": form,
        "result": result,
        "errors_shown": result.errors[:ERRORS_SHOWN] if result else [],
        "errors_hidden": max(len(result.errors) - ERRORS_SHOWN, 0) if result else 0,
        "columns": [
            (name, aliases[0] if aliases else "", name in REQUIRED_COLUMNS, name in KEY_COLUMNS)
            for name, aliases in COLUMNS.items()
        ],
    }
    return render(request, "registry/import_organisations.html", context)
