import os
import subprocess
import sys


def _import_settings(env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "KP_ALLOW_DEV_SECRET"}}
    return subprocess.run(
        [sys.executable, "-c", "import klusterplattform.settings"],
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_settings_refuse_to_start_without_a_secret_when_debug_is_off():
    result = _import_settings({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_settings_start_with_a_secret_from_the_environment():
    assert _import_settings({"DEBUG": "0", "SECRET_KEY": "x" * 50}).returncode == 0
