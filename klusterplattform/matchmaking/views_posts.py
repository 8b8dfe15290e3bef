"""The partner-search pages: the list of open posts, a post's page, publishing, changing and closing a post, expressing
interest, answering it, withdrawing it, following a post and "my partner searches".

Who sees a post is partnersearch.view (Post.objects.visible_to); an unseen post is a 404. Every write goes through
services.py, which checks the permission again: PermissionError is a 403 page, services.Refused a message to the user.
Contact details of the two sides of an expression of interest are put in the context only when
permissions.contacts_visible says so (after acceptance, for the two sides), so they are never in a page's source before.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from klusterplattform.registry.countries import country_name
from klusterplattform.registry.models import ClusterOrganisation, ContactPerson
from klusterplattform.registry.views.paging import paginate

from . import services
from .choices import InterestStatus, PartnerType, PostStatus
from .forms import InterestForm, PartnerSearchForm, PostFilterForm
from .models import PartnerInterest, PartnerSearch, PartnerSearchFollow
from .permissions import can, contacts_visible, managed_cluster_ids

LIST_SECTION, PAGE_SECTION = "partner_search", "partner_search_post"


def refuse(request, explanation, status=403):
    return render(request, "403.html", {"explanation": explanation}, status=status)


def visible_posts(user):
    return PartnerSearch.objects.filter(pk__in=PartnerSearch.objects.visible_to(user).values("pk"))


def visible_post(request, pk) -> PartnerSearch:
    post = visible_posts(request.user).select_related("cluster", "funding_call").filter(pk=pk).first()
    if post is None:
        raise Http404
    return post


def may_publish(user, cluster) -> bool:
    return bool(user.is_authenticated and can(user, "partnersearch.publish", cluster))


def listed_posts(request, managed):
    """The list's filter form and the open posts the user may see: the page and its export
    (views_list_exports.py) share this one query."""
    filters = PostFilterForm(request.GET or None, managed_ids=managed)
    posts = filters.apply(visible_posts(request.user).open()).select_related("cluster").prefetch_related("ecosystems")
    return filters, posts


def post_list(request):
    managed = managed_cluster_ids(request.user)
    filters, posts = listed_posts(request, managed)
    page = paginate(request, posts)
    for post in page.items:
        post.partner_type_labels = [PartnerType(code).label for code in post.partner_types if code in PartnerType]
    context = {
        "filters": filters,
        "page": page,
        "may_publish": bool(managed),
        "section": LIST_SECTION,
    }
    return render(request, "matchmaking/post_list.html", context)


def _contact_side(user, cluster, contacts):
    return {"user": user, "cluster": cluster, "contacts": contacts}


def contact_sides(user, interest, managed) -> list[dict]:
    """What the user may see of the other side of an accepted interest: nothing before acceptance or for a third."""
    if not contacts_visible(user, interest):
        return []
    post = interest.post
    sides = []
    if post.cluster_id in managed:
        sides.append(_contact_side(interest.author, interest.cluster, list(interest.cluster.contacts.all())))
    if interest.cluster_id in managed:
        sides.append(_contact_side(post.author, post.cluster, list(post.cluster.contacts.order_by("name"))))
    return sides


def post_detail(request, pk):
    post = visible_post(request, pk)
    user = request.user
    managed = managed_cluster_ids(user)
    is_owner = post.cluster_id in managed and may_publish(user, post.cluster)
    contacts = Prefetch("cluster__contacts", queryset=ContactPerson.objects.order_by("name"))
    interests = post.interests.select_related("cluster", "author").prefetch_related(contacts)
    received = list(interests) if is_owner else []
    mine = list(interests.filter(cluster_id__in=managed - {post.cluster_id})) if managed else []
    for interest in received + mine:
        interest.post = post
        interest.contact_sides = contact_sides(user, interest, managed)
    expressed = {i.cluster_id for i in mine if i.status != InterestStatus.WITHDRAWN}
    can_express = (
        post.status == PostStatus.OPEN
        and bool(managed - {post.cluster_id} - expressed)
        and bool(can(user, "partnersearch.express_interest"))
    )
    context = {
        "post": post,
        "status": post.status,
        "partner_types": [PartnerType(code).label for code in post.partner_types if code in PartnerType],
        "countries": [country_name(code) for code in post.countries_sought],
        "ecosystems": list(post.ecosystems.all()),
        "sectors": list(post.sectors.all()),
        "technology_fields": list(post.technology_fields.all()),
        "regions": list(post.regions_sought.all()),
        "is_owner": is_owner,
        "received": received,
        "mine": mine,
        "can_express": can_express,
        "following": user.is_authenticated and PartnerSearchFollow.objects.filter(post=post, user=user).exists(),
        "section": PAGE_SECTION,
    }
    return render(request, "matchmaking/post_detail.html", context)


def _form_page(request, form, post, status=200):
    return render(
        request, "matchmaking/post_form.html", {"form": form, "post": post, "section": PAGE_SECTION}, status=status
    )


def _save(request, form):
    try:
        post = services.save_post(request.user, form.post(), **form.relations())
    except PermissionError as refusal:
        return refuse(request, str(refusal))
    except services.Refused as refusal:
        form.add_error(None, str(refusal))
        return None
    messages.success(request, _("The partner search is published."))
    return redirect(post)


@login_required
def post_add(request):
    if not managed_cluster_ids(request.user):
        return refuse(request, _("Only cluster managers publish partner searches."))
    form = PartnerSearchForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        response = _save(request, form)
        if response:
            return response
    return _form_page(request, form, None)


def _owned(request, pk):
    """(post, None) for a manager of the post's cluster; (None, 403 page) for others who see it; else 404."""
    post = visible_post(request, pk)
    if not may_publish(request.user, post.cluster):
        return None, refuse(request, _("Only the cluster's managers change and close its partner searches."))
    return post, None


@login_required
def post_edit(request, pk):
    post, refusal = _owned(request, pk)
    if refusal:
        return refusal
    form = PartnerSearchForm(request.POST or None, instance=post, user=request.user)
    if request.method == "POST" and form.is_valid():
        response = _save(request, form)
        if response:
            return response
    return _form_page(request, form, visible_post(request, pk) if request.method == "POST" else post)


@login_required
def post_close(request, pk):
    post, refusal = _owned(request, pk)
    if refusal:
        return refusal
    if request.method == "POST":
        try:
            services.close_post(request.user, post)
        except PermissionError as error:
            return refuse(request, str(error))
        messages.success(request, _("The partner search is closed."))
        return redirect(post)
    return render(request, "matchmaking/post_close.html", {"post": post, "section": PAGE_SECTION})


@login_required
def interest_add(request, pk):
    post = visible_post(request, pk)
    user = request.user
    if not (managed_cluster_ids(user) - {post.cluster_id}):
        return refuse(request, _("Only managers of another cluster express interest in a partner search."))
    form = InterestForm(request.POST or None, user=user, post=post)
    if request.method == "POST" and form.is_valid():
        try:
            services.express_interest(user, post, form.chosen_cluster(), form.cleaned_data["message"])
        except PermissionError as error:
            return refuse(request, str(error))
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your interest is sent. You will see their contact details if they accept."))
            return redirect(post)
    context = {"form": form, "post": post, "open": post.status == PostStatus.OPEN, "section": PAGE_SECTION}
    return render(request, "matchmaking/interest_form.html", context)


def _interest(request, pk, *, own_too=False) -> PartnerInterest:
    """The interest if its post is visible to the user (or, with own_too, if one of their clusters expressed it)."""
    seen = Q(post__in=visible_posts(request.user))
    if own_too:
        seen |= Q(cluster_id__in=managed_cluster_ids(request.user))
    interest = PartnerInterest.objects.select_related("post__cluster", "cluster").filter(seen, pk=pk).first()
    if interest is None:
        raise Http404
    return interest


def _back_to(request, post):
    return redirect(post) if visible_posts(request.user).filter(pk=post.pk).exists() else redirect("matchmaking:mine")


@login_required
@require_POST
def interest_decide(request, pk):
    interest = _interest(request, pk)
    decision = request.POST.get("decision")
    if decision not in ("accept", "decline"):
        messages.error(request, _("Choose whether to accept or decline."))
        return redirect(interest.post)
    try:
        services.decide(request.user, interest, accept=decision == "accept")
    except PermissionError as error:
        return refuse(request, str(error))
    except services.Refused as refusal:
        messages.error(request, str(refusal))
        return redirect(interest.post)
    if decision == "accept":
        message = _("You accepted the interest of %(cluster)s. You now see each other's contact details.")
    else:
        message = _("You declined the interest of %(cluster)s.")
    messages.success(request, message % {"cluster": interest.cluster.name})
    return redirect(interest.post)


@login_required
@require_POST
def interest_withdraw(request, pk):
    interest = _interest(request, pk, own_too=True)
    try:
        services.withdraw(request.user, interest)
    except PermissionError as error:
        return refuse(request, str(error))
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your expression of interest is withdrawn."))
    return _back_to(request, interest.post)


@login_required
@require_POST
def follow(request, pk):
    post = visible_post(request, pk)
    following = PartnerSearchFollow.objects.filter(post=post, user=request.user).exists()
    try:
        services.follow(request.user, post, on=not following)
    except PermissionError as error:
        return refuse(request, str(error))
    if following:
        messages.success(request, _("You no longer follow this partner search."))
    else:
        messages.success(request, _("You follow this partner search. Find it under My partner searches."))
    return redirect(post)


def own_posts_of(managed):
    """The posts of the user's clusters with their counts of waiting and accepted interest, newest first: the first
    table of "my partner searches" and its export (views_list_exports.py) share this one query."""
    return (
        PartnerSearch.objects.filter(cluster_id__in=managed)
        .select_related("cluster")
        .annotate(
            pending=Count("interests", filter=Q(interests__status=InterestStatus.PENDING)),
            accepted=Count("interests", filter=Q(interests__status=InterestStatus.ACCEPTED)),
        )
        .order_by("-created_at", "-pk")
    )


@login_required
def mine(request):
    user = request.user
    managed = managed_cluster_ids(user)
    today = timezone.localdate()
    own_posts = list(own_posts_of(managed))
    expressed = list(
        PartnerInterest.objects.filter(cluster_id__in=managed)
        .select_related("post__cluster", "post__author", "cluster", "author")
        .order_by("-created_at", "-pk")
    )
    visible_ids = set(visible_posts(user).filter(pk__in=[i.post_id for i in expressed]).values_list("pk", flat=True))
    for interest in expressed:
        interest.post_visible = interest.post_id in visible_ids
        interest.contact_sides = contact_sides(user, interest, managed)
    followed = list(
        visible_posts(user).filter(follows__user=user).select_related("cluster").order_by("expires_on", "-created_at")
    )
    for post in own_posts + [i.post for i in expressed] + followed:
        post.current_status = post.status_on(today)
    context = {
        "clusters": list(ClusterOrganisation.objects.filter(pk__in=managed).order_by("name")),
        "own_posts": own_posts,
        "expressed": expressed,
        "followed": followed,
        "section": PAGE_SECTION,
    }
    return render(request, "matchmaking/mine.html", context)
