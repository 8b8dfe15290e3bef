"""Public registry pages: server-rendered, Swedish by default, English under /en/.

Every list goes through the same visibility rule (`visible_to`) as the API, and every page makes a fixed number of
queries whatever the size of the data (the page tests pin the counts).
"""

from .directory import cluster_directory
from .directory_export import export_directory
from .home import home
from .profile import cluster_profile
from .programmes import programme_detail, programme_list
from .regions import region_detail, region_list

__all__ = [
    "cluster_directory",
    "cluster_profile",
    "export_directory",
    "home",
    "programme_detail",
    "programme_list",
    "region_detail",
    "region_list",
]
