"""Routes of partner search (under /partnersok/): the list, a post's pages, interest and following, my searches."""

from django.urls import path

from . import views_list_exports as exports
from . import views_posts as views

urlpatterns: list = [
    path("partnersok/", views.post_list, name="posts"),
    path("partnersok/export.<str:file_format>", exports.posts_export, name="posts_export"),
    path("partnersok/ny/", views.post_add, name="post_add"),
    path("partnersok/mina/", views.mine, name="mine"),
    path("partnersok/mina/export.<str:file_format>", exports.mine_export, name="mine_export"),
    path("partnersok/<int:pk>/", views.post_detail, name="post"),
    path("partnersok/<int:pk>/andra/", views.post_edit, name="post_edit"),
    path("partnersok/<int:pk>/stang/", views.post_close, name="post_close"),
    path("partnersok/<int:pk>/intresse/", views.interest_add, name="interest"),
    path("partnersok/<int:pk>/folj/", views.follow, name="follow"),
    path("partnersok/intresse/<int:pk>/svar/", views.interest_decide, name="interest_decide"),
    path("partnersok/intresse/<int:pk>/ta-tillbaka/", views.interest_withdraw, name="interest_withdraw"),
]
