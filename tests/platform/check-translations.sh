#!/bin/sh
# Every string of the files in po/POTFILES is translated, not fuzzy, in every
# language of po/LINGUAS. The template is extracted afresh with the keywords
# of meson's glib preset, so a string added to the sources and not yet
# translated fails here rather than shipping in English.
#
# Usage: check-translations.sh SOURCE-ROOT
set -eu

top=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$top"
xgettext --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 \
  --files-from=po/POTFILES --output="$work/hubdesk.pot"

status=0
for lang in $(grep -v -E '^[[:space:]]*(#|$)' po/LINGUAS); do
  if msgcmp "po/$lang.po" "$work/hubdesk.pot"; then
    echo "ok: po/$lang.po translates every string"
  else
    echo "not ok: po/$lang.po misses the strings above (run msgmerge)"
    status=1
  fi
done
exit $status
