#!/usr/bin/env bash
# Fetch Leaflet and plugin JS/CSS from the npm registry into static/vendor/ (git-ignored).
# Why: the dashboard and its exports make no network call at run time; Streamlit
# serves static/ at /app/static/, and standalone exports inline these files.
# Versions are pinned here and in mapview/assets.py (ASSETS), which reads them.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=static/vendor
packages=(leaflet@1.9.4 jquery@3.7.1 leaflet.markercluster@1.5.3)
stamp="$dest/.stamp"
want="${packages[*]}"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "${packages[@]}" >/dev/null)
rm -rf "$dest.new" && mkdir -p "$dest.new"
for tgz in "$tmp"/*.tgz; do
  name=$(basename "$tgz" .tgz); name=${name%-*}          # leaflet-1.9.4 -> leaflet
  mkdir -p "$dest.new/$name"
  tar -xzf "$tgz" -C "$dest.new/$name" --strip-components=2 package/dist
done
echo "$want" > "$dest.new/.stamp"
rm -rf "$dest" && mv "$dest.new" "$dest"
echo "fetch_assets: $(find "$dest" -type f | wc -l) files in $dest"
