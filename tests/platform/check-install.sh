#!/bin/sh
# Installs the build into a temporary folder and checks that the platform
# files land where desktops, software centres and GLib look for them, and
# that the programs they name are installed beside them.
#
# Usage: check-install.sh BUILD-ROOT APP-ID BINDIR DATADIR LOCALEDIR
set -eu

build=$1 app_id=$2 bindir=$3 datadir=$4 localedir=$5
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1 || {
  cat "$dest.log"; rm -f "$dest.log"
  echo "not ok: meson install failed"; exit 1; }
rm -f "$dest.log"

status=0
expect () {
  if [ -e "$dest$1" ]; then
    echo "ok: $1"
  else
    echo "not ok: $1 is not installed"
    status=1
  fi
}

expect "$bindir/hubdesk"
# The metainfo provides it, and the demo mode starts it from the same prefix.
expect "$bindir/hubd"
expect "$datadir/applications/$app_id.desktop"
expect "$datadir/metainfo/$app_id.metainfo.xml"
expect "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
expect "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
expect "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "$datadir/dbus-1/services/$app_id.service"
for lang in $(grep -v -E '^[[:space:]]*(#|$)' "$(dirname "$0")/../../po/LINGUAS"); do
  expect "$localedir/$lang/LC_MESSAGES/hubdesk.mo"
done

# The service must start the installed program, not one of the build.
exec_line=$(sed -n 's/^Exec=//p' "$dest$datadir/dbus-1/services/$app_id.service")
case "$exec_line" in
  "$bindir/hubdesk "*) echo "ok: the D-Bus service starts $bindir/hubdesk" ;;
  *) echo "not ok: the D-Bus service runs '$exec_line'"; status=1 ;;
esac

# The installed schema folder compiles as GLib will compile it.
if glib-compile-schemas --strict --targetdir="$dest" \
     "$dest$datadir/glib-2.0/schemas"; then
  echo "ok: the installed schemas compile"
else
  echo "not ok: the installed schemas do not compile"
  status=1
fi

desktop-file-validate "$dest$datadir/applications/$app_id.desktop" || status=1
exit $status
