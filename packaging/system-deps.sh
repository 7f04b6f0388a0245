#!/usr/bin/env bash
# Installs what the operating system must provide for Guiji and its tests: a CJK font (without one,
# Qt draws Chinese as empty boxes) and the shared libraries Qt needs offscreen.
# On Debian/Ubuntu as root it installs them; elsewhere it prints what to install.
set -u
missing_font() { ! fc-list 2>/dev/null | grep -qiE 'WenQuanYi|Noto Sans CJK|Noto Serif CJK|Source Han'; }
pkgs="fonts-wqy-microhei fontconfig libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 binutils"  # binutils: PyInstaller (objdump) and make dist (strip)
pkgs="$pkgs postgresql"  # the team-server tests run a throw-away cluster (tests/pg.py; pg_trgm is in the Debian 12 package)
need=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need="$need $p"
  done
elif missing_font; then
  need="a CJK font"
fi
[ -z "$need" ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing system packages:$need"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $need >/dev/null
else
  echo "Guiji needs these system packages:$need"
  echo "  Debian/Ubuntu: sudo apt-get install$need"
  echo "  Fedora: sudo dnf install wqy-microhei-fonts mesa-libEGL libxkbcommon"
  echo "  macOS/Windows: nothing to install (the system has CJK fonts)."
fi
exit 0
