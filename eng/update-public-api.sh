#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to PublicAPI.Unshipped.txt,
# and removes entries for symbols that no longer exist (RS0017).
# Usage: eng/update-public-api.sh [project-dir ...]   (default: every src/* project)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/*/)
for dir in "${projects[@]}"; do
  dir=${dir%/}
  unshipped="$dir/PublicAPI.Unshipped.txt"
  [ -f "$unshipped" ] || continue
  for pass in 1 2 3; do
    log=$(dotnet build "$dir" --no-incremental -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= 2>&1 || true)
    added=$(grep -oE "warning RS0016: Symbol '.*' is not part of the declared public API" <<<"$log" \
      | sed -E "s/^warning RS0016: Symbol '(.*)' is not part of the declared public API$/\1/" | sort -u || true)
    removed=$(grep -oE "warning RS0017: Symbol '.*' is part of the declared API, but is either not public or could not be found" <<<"$log" \
      | sed -E "s/^warning RS0017: Symbol '(.*)' is part of the declared API.*$/\1/" | sort -u || true)
    [ -n "$added$removed" ] || break
    { echo '#nullable enable'; { grep -v '^#nullable enable$' "$unshipped" | grep -vxF -f <(printf '%s\n' "$removed") || true; printf '%s\n' "$added"; } | grep -v '^$' | LC_ALL=C sort -u; } > "$unshipped.tmp"
    mv "$unshipped.tmp" "$unshipped"
    echo "$dir: +$(grep -c . <<<"$added" || true) -$(grep -c . <<<"$removed" || true)"
  done
done
