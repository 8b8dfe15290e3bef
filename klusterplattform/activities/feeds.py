"""RSS and Atom feeds of a programme's public news (Django's syndication framework).

Only public, published items of a published programme: a feed reader cannot sign in, so participants-only news,
drafts and scheduled items are never in a feed. Titles and texts are in the language of the request (/en/ for
English; the feed's language element says which, Feed uses get_language()); the texts are plain text.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from klusterplattform.registry.models import Programme

from .news import public_feed_items


class ProgrammeNewsRss(Feed):
    def get_object(self, request, slug):
        return get_object_or_404(Programme.objects.filter(is_published=True), slug=slug)

    def title(self, programme):
        return _("News of %(programme)s") % {"programme": programme.name}

    def link(self, programme):
        return reverse("activities:news", args=[programme.slug])

    def description(self, programme):
        return _("Public news of the programme %(programme)s on Klusterplattform.") % {"programme": programme.name}

    def items(self, programme):
        return public_feed_items(programme)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.body

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


class ProgrammeNewsAtom(ProgrammeNewsRss):
    feed_type = Atom1Feed

    def subtitle(self, programme):
        return self.description(programme)
