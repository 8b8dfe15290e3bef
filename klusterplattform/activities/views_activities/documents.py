"""An activity's documents: upload and delete (officers), download by each document's access rule.

A document the user may not download does not exist for them (404), like an activity they may not see.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from klusterplattform.core.uploads import stored_file_response

from ..forms_activities import DocumentForm
from .common import may_download, may_manage, refuse, visible_activity


@login_required
def document_upload(request, pk):
    activity = visible_activity(request, pk)
    if not may_manage(request.user, activity):
        return refuse(request, _("Only programme officers add documents to activities."))
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = form.save(commit=False)
        document.activity = activity
        document.uploaded_by = request.user
        document.save()
        messages.success(request, _("The document %(title)s is added.") % {"title": document.title})
        return redirect(activity)
    return render(request, "activities/activity_document_form.html", {"activity": activity, "form": form})


def _document(request, pk, document_id):
    activity = visible_activity(request, pk)
    document = get_object_or_404(activity.documents, pk=document_id)
    document.activity = activity
    return activity, document


def document_download(request, pk, document_id):
    _activity, document = _document(request, pk, document_id)
    if not may_download(request.user, document):
        raise Http404
    return stored_file_response(document.file)


@login_required
def document_delete(request, pk, document_id):
    activity, document = _document(request, pk, document_id)
    if not may_manage(request.user, activity):
        if not may_download(request.user, document):
            raise Http404
        return refuse(request, _("Only programme officers delete documents."))
    if request.method == "POST":
        title = document.title
        stored = document.file.name
        document.delete()
        if stored:
            document.file.storage.delete(stored)
        messages.success(request, _("The document %(title)s is deleted.") % {"title": title})
        return redirect(activity)
    return render(request, "activities/activity_document_delete.html", {"activity": activity, "document": document})
