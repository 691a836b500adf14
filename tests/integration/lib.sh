# Shared harness for the integration tests: TAP output, a throwaway user
# for the unprivileged runs, and helpers to run real sandboxes.
#
# Environment (set by meson): SANDBOX (the binary), PROBE (tests/probe,
# copied to $PROBE_BIN), SANDBOX_PROFILEDIR (the shipped profiles),
# TEST_AS=root|user. Without root the tests skip (exit 77) unless
# SANDBOX_TEST_MUST_RUN=1 or CI=true, where a skip is a failure.

set -u

tap_n=0
tap_failed=0

must_run() {
        [ "${SANDBOX_TEST_MUST_RUN:-0}" = 1 ] || [ "${CI:-}" = true ]
}

skip_all() {
        if must_run; then
                echo "Bail out! cannot run here: $*"
                exit 1
        fi
        echo "1..0 # SKIP $*"
        exit 77
}

ok() {
        tap_n=$((tap_n + 1))
        echo "ok $tap_n - $*"
}

not_ok() {
        tap_n=$((tap_n + 1))
        tap_failed=$((tap_failed + 1))
        echo "not ok $tap_n - $*"
}

# check DESCRIPTION COMMAND...: one TAP line from a command's success.
check() {
        local what=$1
        shift
        if "$@"; then ok "$what"; else not_ok "$what"; fi
}

# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
        if [ "$2" = "$3" ]; then
                ok "$1"
        else
                not_ok "$1"
                printf '#   expected: %s\n#   actual:   %s\n' "$2" "$3"
        fi
}

# expect_match DESCRIPTION REGEX TEXT
expect_match() {
        if printf '%s' "$3" | grep -Eq -- "$2"; then
                ok "$1"
        else
                not_ok "$1"
                printf '#   wanted /%s/ in:\n' "$2"
                printf '%s\n' "$3" | sed 's/^/#     /'
        fi
}

done_testing() {
        echo "1..$tap_n"
        [ "$tap_failed" -eq 0 ]
}

[ "$(id -u)" = 0 ] || skip_all "the harness needs root (it also creates a test user)"
[ -x "${SANDBOX:-}" ] || skip_all "SANDBOX does not name the built binary"

TEST_AS=${TEST_AS:-root}
# Not under /tmp: the sandbox has a private /tmp, and the probe and the
# copied binary must stay reachable (read-only) from inside.
WORK=$(mktemp -d /var/tmp/sandbox-test.XXXXXX)
chmod 755 "$WORK"
TEST_USER=
cleanup_harness() {
        # Processes a test left behind are ended by pid only, by the test.
        if [ -n "$TEST_USER" ]; then
                userdel "$TEST_USER" 2>/dev/null
        fi
        rm -rf "$WORK"
}
trap cleanup_harness EXIT
# A test stopped by a signal still removes its user and files.
trap 'exit 130' INT TERM HUP

# The binary and the profiles are copied where the test user can reach
# them: the build tree may sit below a directory only root may enter.
install -m 755 "$SANDBOX" "$WORK/sandbox"
# The probe (tests/probe) runs inside sandboxes, as the test user too.
PROBE_BIN=
if [ -x "${PROBE:-}" ]; then
        install -m 755 "$PROBE" "$WORK/probe"
        PROBE_BIN="$WORK/probe"
fi
cp -r "$SANDBOX_PROFILEDIR" "$WORK/profiles"
chmod -R a+rX "$WORK/profiles"
SB="$WORK/sandbox"

if [ "$TEST_AS" = user ]; then
        TEST_USER="sbt$$"
        useradd --no-create-home --home-dir "$WORK/home" \
                --shell /bin/sh "$TEST_USER" >/dev/null ||
                skip_all "cannot create a test user"
        mkdir -p "$WORK/home"
        chown "$TEST_USER:" "$WORK/home"
        TEST_UID=$(id -u "$TEST_USER")
        TEST_GID=$(id -g "$TEST_USER")
        TEST_HOME="$WORK/home"
else
        TEST_UID=0
        TEST_GID=0
        mkdir -p "$WORK/home"
        TEST_HOME="$WORK/home"
fi

# as_caller CMD...: run CMD as the caller of this mode (root, or the test
# user with a clean environment), from $WORK (or from $SB_CWD if set). It execs, so "as_caller ... &"
# leaves the pid of CMD itself in $!. Profiles the caller looks up by name
# live in $CONFIG_DIR: the test user's own ~/.config/sandbox, or for root a
# directory under $WORK (never root's real home).
as_caller() {
        if [ "$TEST_AS" = user ]; then
                (cd "${SB_CWD:-$WORK}" && exec setpriv --reuid="$TEST_UID" --regid="$TEST_GID" \
                        --clear-groups --reset-env \
                        env HOME="$TEST_HOME" USER="$TEST_USER" \
                        SANDBOX_PROFILEDIR="$WORK/profiles" TERM=dumb "$@")
        else
                (cd "${SB_CWD:-$WORK}" && exec env -i HOME="$TEST_HOME" USER=root \
                        PATH=/usr/local/bin:/usr/bin:/bin \
                        XDG_CONFIG_HOME="$WORK/config" \
                        SANDBOX_PROFILEDIR="$WORK/profiles" TERM=dumb "$@")
        fi
}

# sb [ARGS...]: run the sandbox as the caller.
sb() {
        # SB_ENV: extra NAME=value words for the launcher's environment.
        # shellcheck disable=SC2086
        as_caller env ${SB_ENV:-} "$SB" "$@"
}

# profile NAME TEXT: write a profile into $WORK, readable by the caller.
profile() {
        printf '%s\n' "$2" >"$WORK/$1.profile"
        chmod 644 "$WORK/$1.profile"
        echo "$WORK/$1.profile"
}

if [ "$TEST_AS" = user ]; then
        CONFIG_DIR="$TEST_HOME/.config/sandbox"
else
        CONFIG_DIR="$WORK/config/sandbox"
fi
# ${HOME} in profiles is the caller's home from the password database.
PASSWD_HOME=$(getent passwd "$TEST_UID" | cut -d: -f6)

# launcher_of JOB: the sandbox launcher below a shell job (it sits below
# the job's subshells and is found by its executable), or nothing.
launcher_of() {
        local p=$1
        while [ -n "$p" ] && [ "$(readlink /proc/"$p"/exe 2>/dev/null)" != "$SB" ]; do
                p=$(pgrep -P "$p" | head -n1)
        done
        echo "$p"
}

# alive PID: running, not a zombie awaiting its reaper.
alive() {
        local st
        st=$(cut -d' ' -f3 /proc/"$1"/stat 2>/dev/null) || return 1
        [ "$st" != Z ]
}

# sb_bg ARGS...: start a sandbox in the background. Sets JOB (the shell
# job, for wait) and, once they exist, LAUNCHER_PID, INIT_PID and TARGET_PID
# (empty after ~5 s without them). The launcher sits below the job's
# subshells, so it is found by its executable.
sb_bg() {
        sb "$@" &
        JOB=$!
        LAUNCHER_PID=
        INIT_PID=
        TARGET_PID=
        local p
        for _ in $(seq 100); do
                p=$(launcher_of $JOB)
                LAUNCHER_PID=$p
                [ -n "$p" ] && INIT_PID=$(pgrep -P "$p" | head -n1)
                [ -n "$INIT_PID" ] && TARGET_PID=$(pgrep -P "$INIT_PID" | head -n1)
                [ -n "$TARGET_PID" ] && return 0
                sleep 0.05
        done
        return 1
}

# The host uid the sandboxed program runs as, by default.
if [ "$TEST_AS" = user ]; then HOST_UID=$TEST_UID; else HOST_UID=65534; fi

echo "# running as $TEST_AS (uid $TEST_UID)"
