"""Reference data written into the project as Python data modules: public facts only, each with its source.

`load_reference()` puts it into the database (command: `klusterplattform load_reference`); `load_nuts()` adds
Eurostat's NUTS regions of the other EU countries from a CSV file (command: `klusterplattform load_nuts FILE`).
"""

from .loader import ReferenceResult, load_reference
from .nuts import NutsResult, load_nuts

__all__ = ["NutsResult", "ReferenceResult", "load_nuts", "load_reference"]
