# The desktop keys against a real session made by the test: Xvfb (with a
# cookie the X server requires), fake Wayland/PulseAudio/PipeWire sockets
# in a runtime directory of the test's, a dbus-daemon of the test's with
# two names held on it, and xdg-dbus-proxy for the filtered bus. Every
# key is also checked refused, with its message, when its socket is
# missing. Then `sandbox desktop install/list/uninstall` round trip.
. "$(dirname "$0")/lib.sh"

for tool in Xvfb xdpyinfo xauth dbus-daemon dbus-send xdg-dbus-proxy; do
        command -v "$tool" >/dev/null || skip_all "$tool is not installed"
done
/usr/bin/python3 -c 'import dbus' 2>/dev/null || skip_all "python3-dbus is not installed"

XVFB_PID=
DBUS_PID=
HOLDER_PID=
X11_DIR_MADE=
cleanup_desktop() {
        for p in $HOLDER_PID $DBUS_PID $XVFB_PID; do
                kill "$p" 2>/dev/null && wait "$p" 2>/dev/null
        done
        # Xvfb removes its socket and lock; the directory only if we
        # made it and nothing else lives there (another X server may).
        [ -n "$X11_DIR_MADE" ] && rmdir /tmp/.X11-unix 2>/dev/null
        cleanup_harness
}
trap cleanup_desktop EXIT

owned() { chown "$TEST_UID:$TEST_GID" "$@"; }

# ---- X11 ----

# A cookie the X server insists on, written for this host's name (as a
# display manager does): inside, the host name is "sandbox", so it works
# only because the launcher rewrites it to FamilyWild.
[ -d /tmp/.X11-unix ] || X11_DIR_MADE=1
XAUTH="$WORK/xauthority"
: >"$XAUTH"
# Xvfb picks a free display itself (-displayfd): other X servers may run.
exec 9>"$WORK/display"
Xvfb -displayfd 9 -nolisten tcp -auth "$XAUTH" >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
exec 9>&-
for _ in $(seq 100); do
        [ -s "$WORK/display" ] && break
        sleep 0.05
done
N=$(tr -d '\n' <"$WORK/display")
[ -n "$N" ] || skip_all "Xvfb did not start: $(cat "$WORK/xvfb.log")"
xauth -f "$XAUTH" add ":$N" . "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" 2>/dev/null
owned "$XAUTH"
chmod 600 "$XAUTH"
echo "# Xvfb on :$N"

x11=$(profile x11 'desktop = { x11 = true; };')
out=$(as_caller env DISPLAY=":$N" XAUTHORITY="$XAUTH" "$SB" --profile="$x11" -- \
        sh -c 'echo "DISPLAY=$DISPLAY"; echo "XAUTHORITY=$XAUTHORITY";
               test -S /tmp/.X11-unix/X'"$N"' && echo socket;
               xdpyinfo >/dev/null 2>&1 && echo xdpyinfo-works' 2>&1)
expect_match "x11: DISPLAY is kept" "^DISPLAY=:$N$" "$out"
expect_match "x11: XAUTHORITY points at the bound cookie" "^XAUTHORITY=/tmp/.Xauthority$" "$out"
expect_match "x11: the display's socket is there" "^socket$" "$out"
expect_match "x11: xdpyinfo talks to Xvfb (with the cookie)" "^xdpyinfo-works$" "$out"

out=$(as_caller env DISPLAY=":$N" XAUTHORITY="$XAUTH" "$SB" -- \
        sh -c 'xdpyinfo >/dev/null 2>&1 && echo xdpyinfo-works; test -e /tmp/.X11-unix/X'"$N"' && echo socket' 2>&1)
expect_eq "without x11: no socket and no display" "" "$out"

out=$(as_caller env DISPLAY=":$N" XAUTHORITY="$WORK/nothing-here" "$SB" --profile="$x11" -- \
        sh -c 'echo "XAUTHORITY=${XAUTHORITY:-unset}"; xdpyinfo >/dev/null 2>&1 || echo refused-by-server' 2>&1)
expect_match "x11: no Xauthority file, no XAUTHORITY" "^XAUTHORITY=unset$" "$out"
expect_match "x11: and the X server wants its cookie" "^refused-by-server$" "$out"

# A display with no server: refused with the socket's name.
free=$((N + 1))
while [ -e "/tmp/.X11-unix/X$free" ]; do free=$((free + 1)); done
out=$(as_caller env DISPLAY=":$free" "$SB" --profile="$x11" -- true 2>&1)
rc=$?
expect_eq "x11: a display without a socket is refused (exit 125)" 125 "$rc"
expect_match "x11: the message names the switch and the socket" \
        "desktop\.x11 at .*x11\.profile:1: the X server's socket \(DISPLAY=:$free\) '/tmp/\.X11-unix/X$free' does not exist" "$out"
out=$(as_caller env DISPLAY="otherhost:0" "$SB" --profile="$x11" -- true 2>&1)
rc=$?
expect_eq "x11: a TCP display is refused without the host's network" 125 "$rc"
expect_match "x11: saying why" "reached over TCP.*network\.mode = \"host\"" "$out"
out=$(as_caller "$SB" --profile="$x11" -- true 2>&1)
expect_match "x11: DISPLAY unset is refused" "desktop\.x11 at .*: DISPLAY is not set" "$out"

# -v shows what the switch became.
out=$(as_caller env DISPLAY=":$N" XAUTHORITY="$XAUTH" "$SB" -v --profile="$x11" -- true 2>&1)
expect_match "-v: the socket's mount" "mount: bind /tmp/\.X11-unix/X$N \[desktop\.x11 at " "$out"
expect_match "-v: the cookie's mount" "mount: bind .*/Xauthority on /tmp/\.Xauthority \(ro\) \[desktop\.x11 at " "$out"
expect_match "-v: the variables" "desktop: DISPLAY=:$N" "$out"
left=$(ls -d /tmp/sandbox-desktop-* "$WORK"/rt/sandbox-desktop-* 2>/dev/null | wc -l)
expect_eq "the launcher's copy of the cookie is gone from the host" 0 "$left"

# A launcher killed during the setup leaves its directory (the cookie's
# copy) behind; a later desktop launch of the user removes it once nobody
# holds it (every launcher keeps a lock on its own) and it has been left
# alone for a minute. (Stop points are honoured by non-setuid builds.)
desktop_dirs() { ls -d /tmp/sandbox-desktop-* 2>/dev/null | sort; }
# stop_at_go: start an x11 sandbox that stops at 'go' (its directory
# made); sets JOB, L and NEWDIR (the directory it made).
stop_at_go() {
        local before
        before=$(desktop_dirs)
        as_caller env DISPLAY=":$N" XAUTHORITY="$XAUTH" SANDBOX_TEST_STOP_AT=go \
                "$SB" --profile="$x11" -- sleep 30 2>"$WORK/stop.err" &
        JOB=$!
        L=
        for _ in $(seq 100); do
                L=$(launcher_of $JOB)
                [ -n "$L" ] && grep -q "test stop point 'go'" "$WORK/stop.err" && break
                sleep 0.05
        done
        NEWDIR=$(comm -13 <(echo "$before") <(desktop_dirs))
}
age() { as_caller touch -d '-2 min' "$1"; }
x11_true() { as_caller env DISPLAY=":$N" XAUTHORITY="$XAUTH" "$SB" --profile="$x11" -- true; }

stop_at_go
live=$NEWDIR
check "a stopped launcher has made its directory" test -n "$live" -a -d "$live"
age "$live"
x11_true
expect_eq "another launch while it runs: exit 0" 0 $?
check "a directory its launcher still holds is left alone, however old" test -d "$live"
kill -KILL "$L"
wait "$JOB" 2>/dev/null
check "a killed launcher leaves its directory behind" test -d "$live"
as_caller touch "$live"
x11_true
check "a recent one is left alone (it may be a launch just starting)" test -d "$live"
age "$live"
x11_true
expect_eq "the next launch: exit 0" 0 $?
check "an abandoned one is removed by the next desktop launch" test ! -e "$live"
mkdir "$WORK/elsewhere"
ln -s "$WORK/elsewhere" /tmp/sandbox-desktop-link$$
x11_true
check "a link of that name is not followed nor removed" \
        test -L /tmp/sandbox-desktop-link$$ -a -d "$WORK/elsewhere"
rm -f /tmp/sandbox-desktop-link$$

# ---- Wayland, PulseAudio, PipeWire: fake sockets ----

RT="$WORK/rt"
mkdir -p "$RT/pulse"
owned "$RT" "$RT/pulse"
chmod 700 "$RT"
mksock() { as_caller /usr/bin/python3 -c 'import socket, sys
for p in sys.argv[1:]: socket.socket(socket.AF_UNIX).bind(p)' "$@"; }
mksock "$RT/wayland-7" "$RT/pulse/native" "$RT/pipewire-0"
av=$(profile av 'desktop = { wayland = true; pulseaudio = true; pipewire = true; };')
if [ "$TEST_AS" = root ]; then
        # Root's sandbox runs as nobody on the host, which must reach the
        # socket: root's own 0700 runtime directory is refused, by name.
        out=$(as_caller env XDG_RUNTIME_DIR="$RT" WAYLAND_DISPLAY=wayland-7 "$SB" --profile="$av" -- true 2>&1)
        expect_match "root: a runtime directory nobody may enter is refused by name" \
                "desktop\.wayland at .*source '$RT/wayland-7': Permission denied" "$out"
        chmod 711 "$RT"
fi
out=$(as_caller env XDG_RUNTIME_DIR="$RT" WAYLAND_DISPLAY=wayland-7 "$SB" --profile="$av" -- \
        sh -c 'env | grep -E "^(WAYLAND_DISPLAY|XDG_RUNTIME_DIR|PULSE_SERVER)=" | sort
               for s in wayland-7 pulse/native pipewire-0; do test -S "$XDG_RUNTIME_DIR/$s" && echo "socket $s"; done' 2>&1)
expect_match "wayland: WAYLAND_DISPLAY" "^WAYLAND_DISPLAY=wayland-7$" "$out"
expect_match "wayland: XDG_RUNTIME_DIR" "^XDG_RUNTIME_DIR=$RT$" "$out"
expect_match "pulseaudio: PULSE_SERVER" "^PULSE_SERVER=unix:$RT/pulse/native$" "$out"
expect_match "wayland: the socket" "^socket wayland-7$" "$out"
expect_match "pulseaudio: the socket" "^socket pulse/native$" "$out"
expect_match "pipewire: the socket" "^socket pipewire-0$" "$out"
out=$(as_caller env XDG_RUNTIME_DIR="$RT" WAYLAND_DISPLAY=wayland-7 "$SB" -- \
        sh -c 'ls "$XDG_RUNTIME_DIR" 2>&1; echo "W=${WAYLAND_DISPLAY:-unset}"' 2>&1)
expect_match "without the keys: no runtime directory, no variables" "No such file.*W=unset|^W=unset$" "$(echo $out)"

rm "$RT/pulse/native"
out=$(as_caller env XDG_RUNTIME_DIR="$RT" WAYLAND_DISPLAY=wayland-7 "$SB" --profile="$av" -- true 2>&1)
rc=$?
expect_eq "pulseaudio: a missing socket is refused (exit 125)" 125 "$rc"
expect_match "pulseaudio: the message names it" \
        "desktop\.pulseaudio at .*: the PulseAudio server's socket '$RT/pulse/native' does not exist" "$out"
touch "$RT/pulse/native"
owned "$RT/pulse/native"
out=$(as_caller env XDG_RUNTIME_DIR="$RT" WAYLAND_DISPLAY=wayland-7 "$SB" --profile="$av" -- true 2>&1)
expect_match "pulseaudio: a file that is not a socket is refused" "'$RT/pulse/native' is not a socket" "$out"
out=$(as_caller env WAYLAND_DISPLAY=wayland-7 "$SB" --profile="$av" -- true 2>&1)
expect_match "wayland: without XDG_RUNTIME_DIR, refused" "desktop\.wayland at .*XDG_RUNTIME_DIR is not set" "$out"

# ---- the session bus ----

mkdir -p "$WORK/dbus"
cat >"$WORK/dbus/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$WORK/dbus/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
dbus-daemon --config-file="$WORK/dbus/session.conf" --nofork --nopidfile \
        >"$WORK/dbus/log" 2>&1 &
DBUS_PID=$!
for _ in $(seq 100); do [ -S "$WORK/dbus/bus" ] && break; sleep 0.05; done
BUS="unix:path=$WORK/dbus/bus"
DBUS_SESSION_BUS_ADDRESS=$BUS /usr/bin/python3 -c 'import dbus, sys, time
bus = dbus.SessionBus()
for n in ("org.example.Talk", "org.example.Hidden"): bus.request_name(n)
print("ready", flush=True)
time.sleep(600)' >"$WORK/dbus/holder" 2>&1 &
HOLDER_PID=$!
for _ in $(seq 100); do grep -q ready "$WORK/dbus/holder" 2>/dev/null && break; sleep 0.05; done

list_names='dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.ListNames'
# The bus authenticates by host uid: root's sandbox runs as nobody on the
# host, so it must claim to be nobody inside too.
if [ "$TEST_AS" = root ]; then AS='process = { user = "nobody"; };'; else AS=; fi
session=$(profile session "$AS desktop = { dbus = \"session\"; };")
out=$(as_caller env DBUS_SESSION_BUS_ADDRESS="$BUS,guid=0123" "$SB" --profile="$session" -- \
        sh -c "echo \"ADDR=\$DBUS_SESSION_BUS_ADDRESS\"; $list_names" 2>&1)
expect_match "dbus session: the address points at the bound socket" "^ADDR=$BUS$" "$out"
expect_match "dbus session: ListNames works inside" 'string "org\.example\.Hidden"' "$out"
none=$(profile none "$AS desktop = { dbus = \"none\"; };")
out=$(as_caller env DBUS_SESSION_BUS_ADDRESS="$BUS" "$SB" --profile="$none" -- \
        sh -c "echo \"ADDR=\${DBUS_SESSION_BUS_ADDRESS:-unset}\"; $list_names" 2>&1)
rc=$?
expect_match "dbus none: no address" "^ADDR=unset$" "$out"
check "dbus none: ListNames fails" test "$rc" -ne 0
out=$(as_caller env DBUS_SESSION_BUS_ADDRESS="unix:abstract=/tmp/sbt-bus" "$SB" --profile="$session" -- true 2>&1)
expect_match "dbus session: an abstract bus is refused with the reason" \
        "desktop\.dbus at .*no socket path .*only the host's network" "$out"

filtered=$(profile filtered 'desktop = { dbus = "filtered"; dbus_talk = [ "org.example.Talk" ]; };')
out=$(as_caller env DBUS_SESSION_BUS_ADDRESS="$BUS" "$SB" --profile="$filtered" -- \
        sh -c "$list_names" 2>&1)
expect_match "dbus filtered: the --talk name is visible" 'string "org\.example\.Talk"' "$out"
if printf '%s\n' "$out" | grep -q 'org\.example\.Hidden'; then
        not_ok "dbus filtered: other names are hidden"
else
        ok "dbus filtered: other names are hidden"
fi
out=$(as_caller env DBUS_SESSION_BUS_ADDRESS="$BUS" "$SB" --profile="$filtered" -- \
        dbus-send --session --print-reply --dest=org.example.Hidden / org.example.Hidden.Ping 2>&1)
expect_match "dbus filtered: a hidden name cannot be called" "ServiceUnknown|not provided|NameHasNoOwner" "$out"

# The proxy lives exactly as long as the sandbox: after a normal end, and
# after the launcher is killed, it is gone.
proxies() { pgrep -x xdg-dbus-proxy -U "$TEST_UID" | sort; }
before=$(proxies)
as_caller env DBUS_SESSION_BUS_ADDRESS="$BUS" "$SB" --profile="$filtered" -- true
expect_eq "dbus filtered: no proxy left after the sandbox ends" "$before" "$(proxies)"
as_caller env DBUS_SESSION_BUS_ADDRESS="$BUS" "$SB" --profile="$filtered" -- sleep 60 &
JOB=$!
# Until the program runs (sleep, below init, the launcher's child that is
# not the proxy) and the launcher has taken the proxy's socket off the
# host, which it does once the sandbox has bound it: a launcher killed
# before that, during the setup, leaves the directory behind.
L= PROXY= left=
for _ in $(seq 100); do
        L=$(launcher_of $JOB)
        if [ -n "$L" ]; then
                PROXY=$(pgrep -x xdg-dbus-proxy -P "$L")
                INIT=$(pgrep -P "$L" | grep -vx "${PROXY:-none}" | head -n1)
                left=$(ls -d /tmp/sandbox-desktop-* 2>/dev/null | wc -l)
                [ -n "$PROXY" ] && [ -n "$INIT" ] && [ "$left" = 0 ] &&
                        pgrep -x sleep -P "$INIT" >/dev/null && break
        fi
        sleep 0.05
done
check "dbus filtered: the proxy runs while the sandbox does" test -n "$PROXY"
expect_eq "dbus filtered: the proxy's socket is gone from the host once it runs" 0 "$left"
kill -KILL "$L"
wait "$JOB" 2>/dev/null
gone=no
for _ in $(seq 100); do
        if [ -z "$PROXY" ] || ! alive "$PROXY"; then gone=yes; break; fi
        sleep 0.05
done
expect_eq "dbus filtered: the proxy dies with a killed launcher" yes "$gone"
left=$(ls -d /tmp/sandbox-desktop-* 2>/dev/null | wc -l)
expect_eq "dbus filtered: nothing of it is left on the host" 0 "$left"

# ---- the GPU ----

gpu=$(profile gpu 'desktop = { gpu = true; };')
if [ -d /dev/dri ]; then
        out=$(sb --profile="$gpu" -- sh -c 'ls /dev/dri' 2>&1)
        expect_match "gpu: the DRM nodes are in /dev/dri" "card|renderD" "$out"
else
        out=$(sb --profile="$gpu" -- true 2>&1)
        rc=$?
        expect_eq "gpu: no /dev/dri here, refused (exit 125)" 125 "$rc"
        expect_match "gpu: saying so" "desktop\.gpu at .*no GPU device directory '/dev/dri'" "$out"
fi

# ---- sandbox desktop install / list / uninstall ----

APPS="$WORK/xdg/applications"
DATA_HOME="$TEST_HOME/.local/share"
mkdir -p "$APPS"
cat >"$APPS/fakeapp.desktop" <<'ENTRY'
[Desktop Entry]
Type=Application
Name=Fake App
Name[de]=Falsche App
TryExec=/bin/sh
Exec=/bin/sh -c "hostname; echo inside" %U
DBusActivatable=true
Actions=second;

[Desktop Action second]
Name=Second
Exec=/bin/sh -c "echo second" %f
ENTRY
cp "$APPS/fakeapp.desktop" "$APPS/other.desktop"
chmod -R a+rX "$WORK/xdg"
dsk() { as_caller env XDG_DATA_DIRS="$WORK/xdg" XDG_DATA_HOME="$DATA_HOME" "$SB" desktop "$@"; }

out=$(dsk install fakeapp 2>&1)
rc=$?
expect_eq "desktop install: no profile for the app, refused" 1 "$rc"
expect_match "desktop install: saying to name one" "no profile named 'fakeapp' or 'sh'; name one with --profile" "$out"
mkdir -p "$CONFIG_DIR"
printf 'hostname = "fakebox";\n' >"$CONFIG_DIR/fakeapp.profile"
chown -R "$TEST_UID:$TEST_GID" "$TEST_HOME"
[ "$TEST_AS" = root ] || chown -R "$TEST_UID:$TEST_GID" "$CONFIG_DIR"
out=$(dsk install fakeapp 2>&1)
expect_eq "desktop install: the profile named after the app" 0 "$?"
F="$DATA_HOME/applications/fakeapp.desktop"
check "desktop install: the override is written in XDG_DATA_HOME" test -f "$F"
expect_match "desktop install: it says DBusActivatable changed" "DBusActivatable=true became false" "$out"
body=$(cat "$F" 2>/dev/null)
expect_match "override: marked as ours" "^X-Sandbox-Wrapped=true$" "$body"
expect_match "override: with its profile" "^X-Sandbox-Profile=fakeapp$" "$body"
expect_match "override: DBusActivatable is false" "^DBusActivatable=false$" "$body"
expect_match "override: TryExec still names the real program" "^TryExec=/bin/sh$" "$body"
expect_match "override: translations kept" "^Name\[de\]=Falsche App$" "$body"
expect_match "override: the action runs through the sandbox too" \
        "^Exec=$SB --profile=fakeapp -- /bin/sh -c \"echo second\" %f$" "$body"
# Run the main Exec as a desktop would (the field code expands to
# nothing here): the program runs in its profile's sandbox.
exec_line=$(sed -n 's/^Exec=//p' "$F" | head -n1 | sed 's/ %U$//')
out=$(as_caller sh -c "$exec_line" 2>&1)
expect_eq "override: its Exec runs the program in the sandbox" "fakebox
inside" "$out"

out=$(dsk list 2>&1)
expect_eq "desktop list: the wrapped app and its profile" "$(printf 'fakeapp\tfakeapp\t%s' "$F")" "$out"
out=$(dsk install --profile=default fakeapp 2>&1)
expect_eq "desktop install again: our own file is replaced" 0 "$?"
expect_match "desktop install again: with the new profile" "^X-Sandbox-Profile=default$" "$(cat "$F")"
out=$(dsk install --profile=no-such-profile fakeapp 2>&1)
expect_match "desktop install: an unknown profile is refused" "profile 'no-such-profile' not found" "$out"

# Files that are not ours are never replaced nor removed; a symlink at the
# target is not followed.
printf '[Desktop Entry]\nType=Application\nExec=mine\n' >"$DATA_HOME/applications/other.desktop"
chown "$TEST_UID:$TEST_GID" "$DATA_HOME/applications/other.desktop"
out=$(dsk install --profile=default other 2>&1)
rc=$?
check "desktop install: a user's own file is refused" test "$rc" -eq 1
expect_match "desktop install: saying so" "exists and was not written by sandbox" "$out"
expect_eq "desktop install: the user's file is unchanged" "Exec=mine" "$(sed -n 3p "$DATA_HOME/applications/other.desktop")"
out=$(dsk uninstall other 2>&1)
check "desktop uninstall: a file not ours stays" test -f "$DATA_HOME/applications/other.desktop"
rm -f "$DATA_HOME/applications/other.desktop"
printf 'precious\n' >"$WORK/precious"
ln -s "$WORK/precious" "$DATA_HOME/applications/other.desktop"
out=$(dsk install --profile=default other 2>&1)
expect_match "desktop install: a symlink at the target is refused" "is a symlink; not replacing it" "$out"
expect_eq "desktop install: the symlink's target is untouched" precious "$(cat "$WORK/precious")"
check "desktop install: the symlink stays a symlink" test -L "$DATA_HOME/applications/other.desktop"
rm -f "$DATA_HOME/applications/other.desktop"

out=$(dsk uninstall fakeapp 2>&1)
expect_eq "desktop uninstall: removes our file" 0 "$?"
check "desktop uninstall: the file is gone" test ! -e "$F"
expect_eq "desktop list: empty again" "" "$(dsk list 2>&1)"
out=$(dsk uninstall fakeapp 2>&1)
expect_eq "desktop uninstall: nothing to remove is an error" 1 "$?"
left=$(find "$DATA_HOME/applications" -name '.*' -type f | wc -l)
expect_eq "desktop: no temporary file left" 0 "$left"
out=$(dsk frobnicate 2>&1)
expect_eq "desktop: an unknown subcommand is a usage error" 123 "$?"

done_testing
