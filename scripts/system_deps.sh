#!/usr/bin/env bash
# Install the Debian packages the tests need when they are missing:
#   chromium          – Playwright drives the system browser (playwright's own download is not allowed)
#   fonts-noto-core   – Arabic glyphs for screenshots and matplotlib snapshots
#   postgresql-15-postgis-3 – the PostGIS backend's test server (started by scripts/test.sh)
#   ffmpeg            – the dashboard's MP4 export of the timeline (without it the MP4 button says so)
# Without root (a user's laptop) nothing is installed; the tests that need a
# missing piece skip and say which package to install.
set -uo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || need+=(postgresql-15-postgis-3)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; else
    echo "system_deps: not root; tests needing ${need[*]} will skip (install them with apt-get)" >&2; exit 0; fi
else SUDO=""; fi
echo "system_deps: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null || echo "system_deps: apt-get update failed" >&2
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null || {
  echo "system_deps: apt-get install ${need[*]} failed; dependent tests will skip" >&2; exit 0; }
