# Shared by ./run and ./test: create .venv and (re)install the project when pyproject.toml changed.
ensure_venv() {
  local extras="$1"
  local python="${PYTHON:-python3.11}"
  command -v "$python" >/dev/null 2>&1 || python=python3
  if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Klusterplattform needs Python 3.11 or newer (found: $("$python" --version 2>&1))." >&2
    exit 1
  fi
  if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv …"
    "$python" -m venv .venv
  fi
  local stamp=".venv/.installed${extras}"
  local wanted
  wanted="$(cat pyproject.toml | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "Installing klusterplattform${extras} into .venv …"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
    echo "$wanted" > "$stamp"
  fi
}
