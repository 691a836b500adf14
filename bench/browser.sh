#!/bin/sh
# bench/browser.sh SANDBOX [RUNS]: a real application. Chromium headless
# takes a screenshot of a small page, timed from launch to the PNG written
# and the browser gone: bare, under sandbox's shipped profile
# (profiles/chromium.profile, with desktop.x11 off since there is no
# display) and under firejail's own chromium profile (Debian package
# firejail-profiles). Default 10 rounds, interleaved (bench/interleave.py).
# Needs root to make a throwaway user (the profile binds ~/Downloads and
# ~/.config/chromium of the user's home, which root has not here); all
# three run as that user, with --no-sandbox everywhere so that each does
# the same browser work (Chromium's own namespace sandbox is left out).
# Every run makes a fresh --user-data-dir in a new temp dir and removes it.
# The user and its home are removed at exit.
set -eu
[ "$(id -u)" = 0 ] || { echo "bench/browser.sh: run as root" >&2; exit 1; }
sb=$(realpath "$1"); runs=${2:-10}
top=$(cd "$(dirname "$0")/.." && pwd)
[ -f /etc/firejail/chromium.profile ] ||
        { echo "bench/browser.sh: needs firejail-profiles" >&2; exit 1; }
user=sbbench$$
dir=$(mktemp -d)
trap 'userdel "$user" 2>/dev/null; rm -rf "$dir"' EXIT
chmod 755 "$dir"
useradd -M -d "$dir/home" -s /bin/sh "$user"
mkdir -p "$dir/home/Downloads" "$dir/home/.config/chromium" "$dir/home/.cache/chromium"
chown -R "$user:" "$dir/home"
# Headless: the shipped profile with the X11 display off; all else as shipped.
printf '%s\n' 'include = [ "chromium" ];' 'desktop = { x11 = false; };' \
        >"$dir/chromium-headless.profile"
flags="--headless --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --no-sandbox --window-size=800,600"
page='data:text/html,<h1>sandbox bench</h1><p>a screenshot</p>'
# The same shell line in all three; the temp dir is in the launcher's /tmp.
shot="d=\$(mktemp -d) && chromium $flags --user-data-dir=\$d/u --screenshot=\$d/s.png '$page' 2>/dev/null && test -s \$d/s.png; r=\$?; rm -rf \$d; exit \$r"
q=$(printf '%s' "$shot" | sed "s/'/'\\\\''/g")
cd "$dir/home"
runuser -u "$user" -- env SANDBOX_PROFILEDIR="$top/profiles" \
        /usr/bin/python3 "$top/bench/interleave.py" "$runs" \
        "bare=sh -c '$q'" \
        "sandbox chromium=$sb -p $dir/chromium-headless.profile -- sh -c '$q'" \
        "firejail chromium=firejail --quiet --profile=chromium sh -c '$q'"
