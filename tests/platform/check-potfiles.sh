#!/bin/sh
# po/POTFILES lists every source file that holds a translatable string, and
# only files that exist. A file left out would ship its strings in English.
#
# Usage: check-potfiles.sh SOURCE-ROOT
set -eu

top=$1
cd "$top"

listed=$(grep -v -E '^[[:space:]]*(#|$)' po/POTFILES | sort -u)
status=0

for file in $listed; do
  if [ ! -f "$file" ]; then
    echo "not ok: po/POTFILES lists $file, which does not exist"
    status=1
  fi
done

# _("..."), N_(, C_(, NC_( in C, translatable="yes" in GtkBuilder files.
found=$( { grep -l -r -E '(^|[^A-Za-z0-9_])N?C?_[[:space:]]*\([[:space:]]*"' \
             --include='*.c' --include='*.h' src 2>/dev/null || true
           grep -l -r -E 'translatable="(yes|true)"' \
             --include='*.ui' src ui 2>/dev/null || true; } | sort -u)

for file in $found; do
  if ! printf '%s\n' "$listed" | grep -q -x -F "$file"; then
    echo "not ok: $file has translatable strings but is not in po/POTFILES"
    status=1
  fi
done

[ $status -ne 0 ] || echo "ok: po/POTFILES lists every file with translatable strings"
exit $status
