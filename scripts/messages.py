"""Update and compile the translation catalogues.

.venv/bin/python scripts/messages.py          # makemessages (needs GNU gettext's xgettext) + compile
.venv/bin/python scripts/messages.py compile  # compile only (pure Python, no system gettext needed)
"""

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "klusterplattform" / "locale"


def make():
    env = {**os.environ, "KP_ALLOW_DEV_SECRET": "1"}
    subprocess.run(
        [
            str(ROOT / ".venv/bin/klusterplattform"),
            "makemessages",
            "-l",
            "sv",
            "--no-obsolete",
            "--no-location",
            "-i",
            ".venv",
            "-i",
            "bench",
            "-i",
            "tests",
            "-i",
            "*/tests/*",
        ],
        cwd=ROOT / "klusterplattform",
        env=env,
        check=True,
    )


def compile_all():
    for po_path in LOCALE.glob("*/LC_MESSAGES/*.po"):
        catalogue = polib.pofile(str(po_path))
        catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"compiled {po_path.relative_to(ROOT)}: {catalogue.percent_translated()} % translated")


if __name__ == "__main__":
    if sys.argv[1:] != ["compile"]:
        make()
    compile_all()
