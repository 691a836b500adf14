# Acceptance: the shipped profiles with real programs from Debian's
# packages. Every shipped profile and fragment passes `sandbox profile
# check`; `profile show` and `profile list` tell where settings come from;
# firefox-esr and chromium write a headless screenshot of a local page
# under their own profiles with their inner sandboxes working; a
# command-line tool runs under `default`, gcc under `build`, python3 under
# `python3`, curl under `curl`, a shell under `untrusted`; an X11 program
# opens a window on Xvfb under `gui`. Each case also checks from inside
# that the profile's restrictions hold.
#
# Safety: the script runs in a network and mount namespace of its own, so
# the loopback listener, Xvfb's sockets (and its /tmp) and the browsers'
# network (profiles in "host" mode share this namespace) stay inside it.
if [ -z "${SB_APPS_TEST_NS:-}" ] && [ "$(id -u)" = 0 ]; then
        SB_APPS_TEST_NS=1 exec unshare --net --mount --propagation private \
                bash "$0" "$@"
fi
. "$(dirname "$0")/lib.sh"

if [ "$(readlink /proc/self/ns/net)" = "$(readlink /proc/1/ns/net)" ]; then
        echo "Bail out! not in a network namespace of the test's own"
        exit 1
fi
ip link set lo up 2>/dev/null || /usr/sbin/ip link set lo up
# A /tmp of this namespace's own: the test's X server keeps its socket and
# lock there, out of reach of (and unconfused by) any other X server on
# the machine. Mounted only inside the mount namespace made above.
if [ "$(readlink /proc/self/ns/mnt)" = "$(readlink /proc/1/ns/mnt)" ]; then
        echo "Bail out! not in a mount namespace of the test's own"
        exit 1
fi
mount -t tmpfs -o mode=1777,size=64M sbt-apps-tmp /tmp || {
        echo "Bail out! cannot mount a private /tmp in the test's namespace"
        exit 1
}

# The profiles as the caller finds them (lib.sh copies the shipped ones).
PROFILES="$WORK/profiles"

# A case that needs a program that is not installed: a failure in CI, where
# tools/install-deps --tests installs it, else a skip.
have() {
        command -v "$1" >/dev/null 2>&1 && return 0
        if must_run; then
                not_ok "$2 (needs $1: tools/install-deps --tests)"
        else
                ok "$2 # SKIP $1 is not installed"
        fi
        return 1
}

# The caller's directories: a work directory the caller may write (and,
# for root, whose sandboxed uid maps to an unprivileged host uid), and a
# secret in the test user's home that no profile below may show.
APPDIR="$WORK/app"
mkdir -p "$APPDIR"
chmod 777 "$APPDIR"
if [ "$TEST_AS" = user ]; then
        mkdir -p "$TEST_HOME/.ssh" "$TEST_HOME/Downloads"
        echo "SECRET-KEY-$$" >"$TEST_HOME/.ssh/id_x"
        chmod 700 "$TEST_HOME/.ssh"
        chmod 600 "$TEST_HOME/.ssh/id_x"
        chmod 777 "$TEST_HOME/Downloads"
        chown -R "$TEST_USER:" "$TEST_HOME"
fi

# in_app ARGS...: the sandbox, run by the caller from $APPDIR.
in_app() {
        (cd "$APPDIR" && SB_CWD="$APPDIR" sb "$@")
}

# not_secret TEXT: the planted key is not in TEXT (user mode; root's home
# is the real /root, where the test plants nothing).
not_secret() {
        case "$1" in *SECRET-KEY-$$*) return 1 ;; esac
        return 0
}

# ---- profile check, show, list -------------------------------------------

n_profiles=0
for f in "$PROFILES"/*.profile "$PROFILES"/*.inc; do
        name=$(basename "$f")
        out=$(sb profile check "$f" 2>&1)
        rc=$?
        expect_eq "profile check $name" "0 $f: ok" "$rc $out"
        n_profiles=$((n_profiles + 1))
done
n_shipped=$(find "$PROFILES" -name '*.profile' | wc -l)
check "at least 25 shipped profiles ($n_shipped)" test "$n_shipped" -ge 25

# By name too, through the lookup the launcher uses.
out=$(sb profile check firefox-esr chromium build 2>&1)
expect_eq "profile check by NAME" 0 $?

bad=$(profile bad 'include = [ "base.inc" ];
hostname = 5;
rlimits = { nofile = "lots"; };')
cp "$PROFILES/base.inc" "$WORK/base.inc"
chmod 644 "$WORK/base.inc"
out=$(sb profile check "$bad" 2>&1)
rc=$?
expect_eq "profile check of a bad profile exits 124" 124 $rc
expect_match "every error with file:line (1)" "bad.profile:2: hostname" "$out"
expect_match "every error with file:line (2)" "bad.profile:3: rlimits.nofile" "$out"
out=$(sb profile check no-such-profile 2>&1)
expect_eq "profile check of a missing profile exits 124" 124 $?

out=$(sb profile show firefox-esr 2>&1)
expect_match "profile show: the inner sandbox's allowance and its file:line" \
        'allow = \[ "@namespaces" \];  # .*/userns\.inc:[0-9]+' "$out"
expect_match "profile show: the private home from its fragment" \
        'private = true;  # .*/home-private\.inc:[0-9]+' "$out"
expect_match "profile show: a list added to by two files names both" \
        'writable = \[ "Downloads", "\.mozilla", "\.cache/mozilla" \];  # .*browser\.profile:[0-9]+, .*firefox\.profile:[0-9]+' "$out"
expect_match "profile show: untouched settings say default" \
        'foreign_abis = false;  # default' "$out"
# What show prints is a profile that loads, and resolves to the same text.
printf '%s\n' "$out" | sed 's/  # .*//' >"$WORK/shown.profile"
chmod 644 "$WORK/shown.profile"
again=$(sb profile show "$WORK/shown.profile" 2>&1 | sed 's/  # .*//' | grep -v '^#')
expect_eq "profile show prints a loadable profile of the same settings" \
        "$(printf '%s\n' "$out" | sed 's/  # .*//' | grep -v '^#')" "$again"

mkdir -p "$CONFIG_DIR"
printf 'hostname = "mine";\n' >"$CONFIG_DIR/curl.local"
printf 'description = "my own";\n' >"$CONFIG_DIR/wget.profile"
if [ "$TEST_AS" = user ]; then chown -R "$TEST_USER:" "$TEST_HOME"; fi
out=$(sb profile list 2>&1)
expect_match "profile list: name, directory, description" \
        "^untrusted +$PROFILES +Strictest" "$out"
expect_match "profile list: a .local override is named" \
        "overridden by $CONFIG_DIR/curl.local" "$out"
expect_match "profile list: a profile of the user's directory shadows" \
        "overridden by $CONFIG_DIR/wget.profile" "$out"
out=$(sb profile show curl 2>&1)
expect_match "profile show: a .local override applies, with its origin" \
        "hostname = \"mine\";  # $CONFIG_DIR/curl.local:1" "$out"
rm -f "$CONFIG_DIR/curl.local" "$CONFIG_DIR/wget.profile"

# ---- a loopback listener, for the network checks ---------------------------

PORT=18080
mkdir -p "$WORK/www"
echo "served-$$" >"$WORK/www/hello.txt"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK/www" \
        >/dev/null 2>&1 &
HTTP_PID=$!
XVFB_PID=
cleanup_apps() {
        kill "$HTTP_PID" 2>/dev/null
        [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null
        wait 2>/dev/null
        cleanup_harness
}
trap cleanup_apps EXIT
for _ in $(seq 50); do
        python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 1)" \
                2>/dev/null && break
        sleep 0.1
done
# connect_py: a Python line that prints "connected" or "refused: ...".
connect_py="import socket
try:
    socket.create_connection(('127.0.0.1', $PORT), 2); print('connected')
except OSError as e:
    print('refused:', e)"

# ---- command-line tools ----------------------------------------------------

# default: a tool runs; no network; the host's files read-only.
printf 'b\nc\na\n' >"$APPDIR/in.txt"
chmod 644 "$APPDIR/in.txt"
out=$(in_app --profile=default -- sort "$APPDIR/in.txt" 2>&1)
expect_eq "default: sort runs" "a b c" "$(echo $out)"
out=$(in_app --profile=default -- sh -c "touch '$APPDIR/x' 2>&1; python3 -c \"$connect_py\"")
expect_match "default: the host's files are read-only" "Read-only file system" "$out"
expect_match "default: no network" "refused:" "$out"

# build: gcc compiles in the current directory, which alone is writable;
# the program runs; no network; the home is empty.
cat >"$APPDIR/hello.c" <<'EOF'
#include <stdio.h>
int main(void) { printf("hello from %s\n", "build"); return 0; }
EOF
chmod 644 "$APPDIR/hello.c"
if have gcc "build: gcc compiles in the current directory"; then
        out=$(in_app --profile=build -- sh -c 'gcc -O2 -o hello hello.c && ./hello' 2>&1)
        expect_eq "build: gcc compiles in the current directory and it runs" \
                "hello from build" "$out"
        check "build: the binary is in the caller's directory" test -x "$APPDIR/hello"
        out=$(in_app --profile=build -- sh -c "touch '$WORK/x' 2>&1; python3 -c \"$connect_py\"; cat ~/.ssh/id_x 2>&1" 2>&1)
        expect_match "build: nothing writable outside the directory" \
                "Read-only file system" "$out"
        expect_match "build: cannot reach the network" "refused:" "$out"
        check "build: nothing left on the host" test ! -e "$WORK/x"
        expect_match "build: ~/.ssh is not there" "No such file" "$out"
        check "build: the planted key did not leak" not_secret "$out"
fi

# python3: a script writes next to itself; no network; no secrets.
cat >"$APPDIR/job.py" <<EOF
import os, socket
open('result.txt', 'w').write('python ran\n')
try:
    socket.create_connection(('127.0.0.1', $PORT), 2); print('connected')
except OSError as e:
    print('refused:', e)
try:
    print(open(os.path.expanduser('~/.ssh/id_x')).read())
except OSError as e:
    print('no key:', e.strerror)
EOF
chmod 644 "$APPDIR/job.py"
out=$(in_app -- python3 job.py 2>&1)
expect_eq "python3: the script wrote its result" "python ran" "$(cat "$APPDIR/result.txt" 2>/dev/null)"
expect_match "python3 (picked by the command's name): no network" "refused:" "$out"
expect_match "python3: ~/.ssh is not there" "no key: No such file or directory" "$out"
check "python3: the planted key did not leak" not_secret "$out"

# curl: the network (this namespace's loopback), the download lands in
# the current directory; the home is empty.
if have curl "curl: downloads"; then
        out=$(in_app -- curl -sS -o got.txt "http://127.0.0.1:$PORT/hello.txt" 2>&1)
        expect_eq "curl (by name): downloads into the current directory" \
                "served-$$" "$(cat "$APPDIR/got.txt" 2>/dev/null)"
        out=$(in_app --profile=curl -- sh -c 'cat ~/.ssh/id_x 2>&1; ls -A ~' 2>&1)
        expect_match "curl: ~/.ssh is not there" "No such file" "$out"
        check "curl: the planted key did not leak" not_secret "$out"
fi

# untrusted: an empty root with /usr only, no network, tiny limits, and a
# refused system call kills.
out=$(in_app --profile=untrusted -- sh -c 'ls / | tr "\n" " "; echo; ulimit -n; test -e /etc/passwd && echo has-etc; test -e /home && echo has-home; echo x >/tmp/t && echo tmp-ok' 2>&1)
expect_eq "untrusted: an empty root (only what the profile lists)" \
        "bin dev lib lib64 proc sbin tmp usr " "$(echo "$out" | sed -n 1p)"
expect_eq "untrusted: 64 open files" 64 "$(echo "$out" | sed -n 2p)"
expect_eq "untrusted: no /etc, no /home; /tmp writable" "tmp-ok" "$(echo "$out" | sed -n '3,$p')"
out=$(in_app --profile=untrusted -- python3 -c "$connect_py" 2>&1)
expect_match "untrusted: no network" "refused:" "$out"
in_app --profile=untrusted -- python3 -c 'import os; os.chroot("/")' >/dev/null 2>&1
expect_eq "untrusted: a refused call (chroot, @privileged) kills: 128+SIGSYS" 159 $?

# ---- browsers ----------------------------------------------------------------

# An X display for everything below: the browsers' profiles ask for x11
# (desktop.inc), so they need one even when headless.
# Xvfb picks a free display itself and writes its number (-displayfd):
# other X servers on the machine (other tests, other users) cannot take
# the one this test uses between a check and the start.
DNUM=
if command -v Xvfb >/dev/null; then
        : >"$WORK/xdisplay"
        Xvfb -displayfd 9 -screen 0 640x480x24 -br -nolisten tcp \
                9>"$WORK/xdisplay" >"$WORK/xvfb.log" 2>&1 &
        XVFB_PID=$!
        for _ in $(seq 200); do
                DNUM=$(cat "$WORK/xdisplay")
                [ -n "$DNUM" ] && break
                sleep 0.05
        done
        [ -n "$DNUM" ] || sed 's/^/#   Xvfb: /' "$WORK/xvfb.log"
fi
XENV="DISPLAY=:$DNUM"

cat >"$WORK/page.html" <<'EOF'
<html><body style="background:#3366cc;margin:0">
<h1 style="color:#ffee00;font-size:48px">Hello from the sandbox</h1>
<div style="background:#cc3333;width:200px;height:100px"></div>
</body></html>
EOF
chmod 644 "$WORK/page.html"

# png_ok FILE: a PNG with more than one colour (not a blank page).
png_ok() {
        [ -s "$1" ] || return 1
        [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || return 1
        command -v identify >/dev/null || return 0
        [ "$(identify -format '%k' "$1" 2>/dev/null)" -gt 1 ]
}

# The wrapper that runs inside the browser's sandbox: it starts the
# browser and reports whether any process of it entered a user namespace
# other than the sandbox's own (the browser's inner sandbox).
cat >"$WORK/nested.sh" <<'EOF'
#!/bin/sh
me=$(readlink /proc/self/ns/user)
"$@" &
pid=$!
seen=no
while kill -0 "$pid" 2>/dev/null; do
        for p in /proc/[0-9]*; do
                n=$(readlink "$p/ns/user" 2>/dev/null) || continue
                if [ "$n" != "$me" ]; then seen=yes; break; fi
        done
        [ "$seen" = yes ] && break
        sleep 0.05
done
wait "$pid"
rc=$?
echo "nested-userns: $seen"
exit $rc
EOF
chmod 755 "$WORK/nested.sh"

# The screenshots go to ~/Downloads, the one directory of the home that
# the browser profiles show.
SHOT_DIR="$TEST_HOME/Downloads"

# As root, ${HOME} is /root (from the password database), closed (0700) to
# the unprivileged host uid that root's sandboxes run as: a profile that
# binds entries of the home (every desktop profile does) fails to start,
# naming the entry. The desktop programs therefore run as the test user.
ROOT_SKIP="as root the home entries of desktop profiles are in /root, closed to the sandbox's unprivileged uid; desktop programs run in apps-user"
if [ "$TEST_AS" = root ]; then
        out=$(SB_ENV=$XENV in_app --profile=gui -- true 2>&1)
        expect_match "as root, a desktop profile names the home entry it cannot bind" \
                "filesystem.home at .*: source '/root/[^']*': Permission denied" "$out"
        ok "firefox-esr: headless screenshot # SKIP $ROOT_SKIP"
        ok "chromium: headless screenshot # SKIP $ROOT_SKIP"
        ok "x11: a window on Xvfb # SKIP $ROOT_SKIP"
        done_testing
        exit
fi

if have firefox-esr "firefox-esr: headless screenshot"; then
        out=$(SB_ENV=$XENV in_app --profile=firefox-esr -- "$WORK/nested.sh" \
                firefox-esr --headless --no-remote \
                --screenshot "$SHOT_DIR/firefox.png" --window-size=640,400 \
                "file://$WORK/page.html" 2>&1)
        cp "$SHOT_DIR/firefox.png" "$WORK/firefox.png" 2>/dev/null
        check "firefox-esr: a non-blank PNG of the page (profile firefox-esr)" \
                png_ok "$SHOT_DIR/firefox.png"
        expect_match "firefox-esr: its content processes run in a user namespace of their own" \
                "nested-userns: yes" "$out"
        if printf '%s' "$out" | grep -q "CanCreateUserNamespace"; then
                not_ok "firefox-esr: its sandbox found user namespaces usable"
                printf '%s\n' "$out" | sed 's/^/#   /' | head -20
        else
                ok "firefox-esr: its sandbox found user namespaces usable"
        fi
        # The same without userns.inc's allowance: the inner sandbox fails
        # (what the check above would catch).
        q=$(profile ff-nouserns "include = [ \"$PROFILES/firefox-esr.profile\" ];
seccomp = { allow = [ ]; };")
        out=$(SB_ENV=$XENV in_app --profile="$q" -- "$WORK/nested.sh" \
                firefox-esr --headless --no-remote \
                --screenshot "/tmp/x.png" "file://$WORK/page.html" 2>&1)
        expect_match "firefox-esr: without @namespaces its inner sandbox cannot start" \
                "nested-userns: no" "$out"
        out=$(SB_ENV=$XENV in_app --profile=firefox-esr -- sh -c 'cat ~/.ssh/id_x 2>&1; ls -A ~; touch /usr/x 2>&1' 2>&1)
        expect_match "firefox-esr: ~/.ssh is not there" "No such file" "$out"
        check "firefox-esr: the planted key did not leak" not_secret "$out"
        expect_match "firefox-esr: the system is read-only" "Read-only" "$out"
fi

if have chromium "chromium: headless screenshot"; then
        # (As root, chromium would also see uid 0 inside and demand
        # --no-sandbox.)
        flags="--headless --disable-gpu --disable-quic --no-first-run
               --disable-background-networking --disable-component-update
               --disable-sync --window-size=640,400"
        # shellcheck disable=SC2086
        out=$(SB_ENV=$XENV in_app --profile=chromium -- "$WORK/nested.sh" \
                chromium $flags --screenshot="$SHOT_DIR/chromium.png" \
                "file://$WORK/page.html" 2>&1)
        cp "$SHOT_DIR/chromium.png" "$WORK/chromium.png" 2>/dev/null
        check "chromium: a non-blank PNG of the page (profile chromium, no --no-sandbox)" \
                png_ok "$SHOT_DIR/chromium.png"
        expect_match "chromium: its zygote runs in a user namespace of its own" \
                "nested-userns: yes" "$out"
        q=$(profile cr-nouserns "include = [ \"$PROFILES/chromium.profile\" ];
seccomp = { allow = [ ]; };")
        # shellcheck disable=SC2086
        out=$(SB_ENV=$XENV in_app --profile="$q" -- chromium $flags \
                --screenshot=/tmp/x.png "file://$WORK/page.html" 2>&1)
        expect_match "chromium: without @namespaces it finds no usable sandbox" \
                "No usable sandbox" "$out"
        out=$(SB_ENV=$XENV in_app --profile=chromium -- sh -c 'cat ~/.ssh/id_x 2>&1; ls -A ~' 2>&1)
        expect_match "chromium: ~/.ssh is not there" "No such file" "$out"
        check "chromium: the planted key did not leak" not_secret "$out"
fi

# ---- a real window on X11 ------------------------------------------------------

# shot FILE: the whole display as a PNG, and its number of colours.
shot_colours() {
        import -display ":$DNUM" -window root "$1" 2>/dev/null &&
                identify -format '%k' "$1" 2>/dev/null
}
if have Xvfb "x11: a window on Xvfb" && have xlogo "x11: a window on Xvfb" &&
        have import "x11: a window on Xvfb"; then
        before=$(shot_colours "$WORK/x11-before.png")
        probe=$(SB_ENV=$XENV in_app --profile=gui -- sh -c "test -S /tmp/.X11-unix/X$DNUM && echo socket" 2>&1)
        expect_eq "x11: desktop.x11 binds the display's socket" socket "$probe"
        SB_ENV=$XENV in_app --profile=gui -- xlogo -geometry 300x200+20+20 \
                >"$WORK/xlogo.log" 2>&1 &
        XJOB=$!
        # Up to 60 s: under a loaded CI machine a first X client is slow.
        after=$before
        deadline=$((SECONDS + 60))
        while [ "$SECONDS" -lt "$deadline" ]; do
                after=$(shot_colours "$WORK/x11.png")
                [ "${after:-1}" -gt 1 ] && break
                alive "$XJOB" || break
                sleep 0.2
        done
        L=$(launcher_of "$XJOB")
        [ -n "$L" ] && kill "$L" 2>/dev/null
        kill "$XJOB" 2>/dev/null
        wait "$XJOB" 2>/dev/null
        expect_eq "x11: the display was blank before" 1 "$before"
        check "x11: xlogo opened a window under gui (the screenshot has $after colours)" \
                test "${after:-1}" -gt 1
        [ "${after:-1}" -gt 1 ] || sed 's/^/#   xlogo: /' "$WORK/xlogo.log"
        out=$(SB_ENV=$XENV in_app --profile=gui -- sh -c 'cat ~/.ssh/id_x 2>&1; python3 -c "'"$connect_py"'"' 2>&1)
        expect_match "x11: gui has no network" "refused:" "$out"
        check "x11: the planted key did not leak" not_secret "$out"
fi

# Keep the screenshots for a person to look at.
if [ -n "${SANDBOX_APPS_SHOTS:-}" ]; then
        mkdir -p "$SANDBOX_APPS_SHOTS"
        cp "$WORK"/*.png "$SHOT_DIR"/*.png "$SANDBOX_APPS_SHOTS"/ 2>/dev/null
fi

done_testing
