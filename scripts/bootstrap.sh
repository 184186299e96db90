#!/usr/bin/env bash
# Set up everything annotator needs on a fresh Debian/Ubuntu machine, idempotently:
# the system libraries Qt loads, then a local virtual environment in .venv with the package
# installed in editable mode. Usage: scripts/bootstrap.sh [gui|test]   ("gui" adds X11 libraries,
# "test" the headless Chromium and poppler the HTML report's print test uses).
set -euo pipefail
cd "$(dirname "$0")/.."

debs=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
if [[ "${1:-}" == "test" ]]; then
  debs+=(chromium poppler-utils)  # the HTML report test prints it to PDF with headless Chromium
fi
if [[ "${1:-}" == "gui" ]]; then
  debs+=(libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libxcb-image0
         libxcb-render-util0 libxcb-xinerama0 libxcb-shape0 libxcb-randr0 libxcb-xfixes0
         libxcb-xinput0 libxcb-shm0 libxcb-sync1 libx11-xcb1)
  [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]] && debs+=(xvfb xauth)
fi
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})) && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${missing[*]}"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python=""
for candidate in python3.12 python3.13 python3.11 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$candidate; break
  fi
done
[[ -n "$python" ]] || { echo "annotator needs Python 3.11 or newer" >&2; exit 1; }

stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  [[ -x .venv/bin/python ]] || "$python" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  # PYTHONWARNINGS: setuptools' editable-install notice is noise to someone starting the app
  PYTHONWARNINGS=ignore .venv/bin/python -m pip install -q -e ".[test]"
  rm -f .venv/.installed-*; touch "$stamp"
fi
