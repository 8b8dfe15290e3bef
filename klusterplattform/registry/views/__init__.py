"""Public registry pages: server-rendered, Swedish by default, English under /en/.

Every list goes through the same visibility rule (`visible_to`) as the API, and every page makes a fixed number of
queries whatever the size of the data (the page tests pin the counts).
"""

from .cluster_edit import cluster_edit
from .directory import cluster_directory
from .directory_export import export_directory
from .home import home
from .memberships import end_membership, memberships
from .profile import cluster_profile
from .programmes import programme_detail, programme_list
from .regions import region_detail, region_list

__all__ = [
    "cluster_directory",
    "cluster_edit",
    "cluster_profile",
    "end_membership",
    "export_directory",
    "home",
    "memberships",
    "programme_detail",
    "programme_list",
    "region_detail",
    "region_list",
]
