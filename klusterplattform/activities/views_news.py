"""Pages of programme news ("Aktuellt") and programme contacts.

Anyone who may see the programme may read its news list; participants-only items only within news.view's scope
(permissions.news_visibility_filter); drafts and scheduled items only for officers with news.publish. Writing news
and keeping the contacts is for news.publish. A programme the user may not see is 404; a page the user sees but may
not use is 403; anonymous on a sign-in page is sent to sign in.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from klusterplattform.registry.views.paging import paginate

from .forms_news import ContactForm, NewsItemForm
from .models import ProgrammeContact
from .news import (
    contacts_of,
    is_subscribed,
    may_publish,
    may_read_participants_news,
    news_for,
    news_state,
    programme_for,
    set_subscription,
)

MAY_NOT_PUBLISH = gettext_lazy("Only programme officers write the programme's news and keep its contacts.")


def refuse(request, explanation=MAY_NOT_PUBLISH):
    return render(request, "403.html", {"explanation": explanation}, status=403)


def _with_state(items, now):
    for item in items:
        item.state = news_state(item, now)
    return items


def news_list(request, slug):
    programme = programme_for(request.user, slug)
    page = paginate(request, news_for(request.user, programme))
    _with_state(page.items, timezone.now())
    may_subscribe = may_read_participants_news(request.user, programme)
    context = {
        "programme": programme,
        "page": page,
        "may_publish": may_publish(request.user),
        "may_subscribe": may_subscribe,
        "subscribed": may_subscribe and is_subscribed(request.user, programme),
        "has_feeds": programme.is_published,
    }
    return render(request, "activities/news_list.html", context)


def _item(request, programme, pk):
    item = get_object_or_404(news_for(request.user, programme), pk=pk)
    item.state = news_state(item)
    return item


def news_item(request, slug, pk):
    programme = programme_for(request.user, slug)
    item = _item(request, programme, pk)
    context = {"programme": programme, "item": item, "may_publish": may_publish(request.user)}
    return render(request, "activities/news_item.html", context)


@login_required
def news_create(request, slug):
    programme = programme_for(request.user, slug)
    if not may_publish(request.user):
        return refuse(request)
    form = NewsItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.programme = programme
        form.instance.author = request.user
        item = form.save()
        messages.success(request, _("The news item is saved."))
        return redirect(item.get_absolute_url())
    return render(request, "activities/news_form.html", {"programme": programme, "form": form})


@login_required
def news_edit(request, slug, pk):
    programme = programme_for(request.user, slug)
    if not may_publish(request.user):
        get_object_or_404(news_for(request.user, programme), pk=pk)  # 404 before 403 for what cannot be seen
        return refuse(request)
    item = _item(request, programme, pk)
    form = NewsItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The news item is saved."))
        return redirect(item.get_absolute_url())
    return render(request, "activities/news_form.html", {"programme": programme, "form": form, "item": item})


@login_required
@require_POST
def news_unpublish(request, slug, pk):
    programme = programme_for(request.user, slug)
    if not may_publish(request.user):
        get_object_or_404(news_for(request.user, programme), pk=pk)
        return refuse(request)
    item = _item(request, programme, pk)
    item.published_at = None
    item.save()
    messages.success(request, _("The news item is unpublished and kept as a draft."))
    return redirect(item.get_absolute_url())


@login_required
def news_delete(request, slug, pk):
    programme = programme_for(request.user, slug)
    if not may_publish(request.user):
        get_object_or_404(news_for(request.user, programme), pk=pk)
        return refuse(request)
    item = _item(request, programme, pk)
    if request.method == "POST":
        item.delete()
        messages.success(request, _("The news item is deleted."))
        return redirect("activities:news", slug=programme.slug)
    return render(request, "activities/news_confirm_delete.html", {"programme": programme, "item": item})


@login_required
@require_POST
def news_subscription(request, slug):
    programme = programme_for(request.user, slug)
    if not may_read_participants_news(request.user, programme):
        return refuse(
            request,
            gettext_lazy(
                "E-mail news is for the programme's participating clusters, their regions and programme officers."
            ),
        )
    subscribe = request.POST.get("subscribe") == "1"
    set_subscription(request.user, programme, subscribe)
    if subscribe:
        messages.success(request, _("You will get the programme's news by e-mail."))
    else:
        messages.success(request, _("You will no longer get the programme's news by e-mail."))
    return redirect("activities:news", slug=programme.slug)


# Contacts


def contact_list(request, slug):
    programme = programme_for(request.user, slug)
    context = {
        "programme": programme,
        "contacts": contacts_of(programme),
        "may_publish": may_publish(request.user),
    }
    return render(request, "activities/contact_list.html", context)


def _contact(programme, pk):
    return get_object_or_404(ProgrammeContact.objects.filter(programme=programme), pk=pk)


@login_required
def contact_create(request, slug):
    programme = programme_for(request.user, slug)
    if not may_publish(request.user):
        return refuse(request)
    form = ContactForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The contact is saved."))
        return redirect("activities:contacts", slug=programme.slug)
    return render(request, "activities/contact_form.html", {"programme": programme, "form": form})


@login_required
def contact_edit(request, slug, pk):
    programme = programme_for(request.user, slug)
    contact = _contact(programme, pk)
    if not may_publish(request.user):
        return refuse(request)
    form = ContactForm(request.POST or None, instance=contact, programme=programme)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The contact is saved."))
        return redirect("activities:contacts", slug=programme.slug)
    context = {"programme": programme, "form": form, "contact": contact}
    return render(request, "activities/contact_form.html", context)


@login_required
def contact_delete(request, slug, pk):
    programme = programme_for(request.user, slug)
    contact = _contact(programme, pk)
    if not may_publish(request.user):
        return refuse(request)
    if request.method == "POST":
        contact.delete()
        messages.success(request, _("The contact is deleted."))
        return redirect("activities:contacts", slug=programme.slug)
    return render(request, "activities/contact_confirm_delete.html", {"programme": programme, "contact": contact})
