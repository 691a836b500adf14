# sandbox exec: a second process in a running named sandbox lands in the
# same namespaces and cgroup as the first and gets the same restrictions;
# what may not be joined is refused with nothing run.
. "$(dirname "$0")/lib.sh"

# The state of a user's sandboxes lives below their XDG_RUNTIME_DIR.
if [ "$TEST_AS" = user ]; then
        mkdir -m 700 "$WORK/run"
        chown "$TEST_USER:" "$WORK/run"
        SB_ENV="XDG_RUNTIME_DIR=$WORK/run"
        STATE_ROOT="$WORK/run/sandbox"
else
        STATE_ROOT=/run/sandbox
fi
NAME="texec$$"
JOBS=

cleanup_exec() {
        for p in $JOBS; do kill -KILL "$p" 2>/dev/null; done
        rm -rf "${STATE_ROOT:?}/$NAME" "${STATE_ROOT:?}/${NAME}nj" \
                "${STATE_ROOT:?}/${NAME}t" "${STATE_ROOT:?}/${NAME}nu" \
                "${STATE_ROOT:?}/${NAME}.moved" "${STATE_ROOT:?}/${NAME}nm" \
                "${STATE_ROOT:?}/${NAME}un"
}
trap 'cleanup_exec; cleanup_harness' EXIT

# wait_joinable NAME: until `sandbox exec NAME -- true` works (~5 s).
wait_joinable() {
        for _ in $(seq 100); do
                sb exec "$1" -- true 2>/dev/null && return 0
                sleep 0.05
        done
        return 1
}

sb_bg --name="$NAME" -- sleep 120
JOBS="$JOB $LAUNCHER_PID"
check "a named sandbox runs" test -n "$TARGET_PID"
check "exec into it works" wait_joinable "$NAME"

# Namespaces: the first process's, read from the host, against what the
# joined process sees of itself.
first=
for ns in user mnt pid net uts ipc cgroup; do
        first="$first$ns:$(stat -L -c %i /proc/"$TARGET_PID"/ns/$ns) "
done
joined=$(sb exec "$NAME" -- sh -c \
        'for ns in user mnt pid net uts ipc cgroup; do
                printf "%s:%s " $ns $(stat -L -c %i /proc/self/ns/$ns)
        done')
expect_eq "same user/mnt/pid/net/uts/ipc/cgroup namespaces" "$first" "$joined"
check "not the host's namespaces" \
        test "$(stat -L -c %i /proc/self/ns/mnt)" != "$(stat -L -c %i /proc/"$TARGET_PID"/ns/mnt)"

# The first process is pid 2 inside; both views come from the sandbox's
# own /proc, so uids and gids read alike.
fields='^(Uid|Gid|Groups|NoNewPrivs|CapInh|CapPrm|CapEff|CapBnd|CapAmb|Seccomp|Seccomp_filters):'
first=$(sb exec "$NAME" -- grep -E "$fields" /proc/2/status)
joined=$(sb exec "$NAME" -- grep -E "$fields" /proc/self/status)
expect_eq "same uid, gid, groups, NoNewPrivs, capability sets, seccomp mode and filter count" \
        "$first" "$joined"
expect_match "the joined process has no_new_privs" "NoNewPrivs:[[:space:]]+1" "$joined"
expect_match "the joined process is filtered" "Seccomp:[[:space:]]+2" "$joined"
expect_match "the joined process has no capability" "CapEff:[[:space:]]+0000000000000000" "$joined"
expect_match "with as many filters as the first" "Seccomp_filters:[[:space:]]+[1-9]" "$joined"

expect_eq "same rlimits" "$(sb exec "$NAME" -- cat /proc/2/limits)" \
        "$(sb exec "$NAME" -- cat /proc/self/limits)"
if [ "$TEST_AS" = root ]; then
        joined=$(sb exec "$NAME" -- cat /proc/self/cgroup)
        expect_eq "same cgroup" "$(sb exec "$NAME" -- cat /proc/2/cgroup)" "$joined"
        expect_match "the cgroup is the sandbox's (its namespace's root)" "^0::/$" "$joined"
else
        ok "same cgroup # SKIP an ordinary user's named sandbox has no cgroup"
        ok "the cgroup is the sandbox's # SKIP as above"
fi

got=$(sb exec "$NAME" -- sh -c 'ls /proc/self/fd')
expect_eq "only stdio (and ls's own directory) is open inside" "0 1 2 3" "$(echo $got)"
expect_eq "the pid namespace's init is the sandbox's" \
        "$(sb exec "$NAME" -- cat /proc/1/cmdline | tr '\0' ' ')" \
        "$(tr '\0' ' ' </proc/"$INIT_PID"/cmdline)"

sb exec "$NAME" -- sh -c 'exit 7'
expect_eq "the exit status passes through" 7 $?
sb exec "$NAME" -- sh -c 'kill -TERM $$'
expect_eq "a signal death is 128+N" 143 $?
sb exec "$NAME" -- no-such-command-here 2>/dev/null
expect_eq "a missing command is 127" 127 $?
expect_eq "the default command is a shell" hi "$(echo 'echo hi' | sb exec "$NAME")"

err=$(sb exec nosuchsandbox$$ -- true 2>&1)
rc=$?
expect_eq "an unknown name fails" 125 $rc
expect_match "and says so" "no sandbox named 'nosuchsandbox$$'" "$err"
err=$(sb exec '../x' -- true 2>&1)
expect_eq "a malformed name is a usage error" 123 $?
err=$(sb exec "$NAME" true 2>&1)
expect_eq "a command without -- is a usage error" 123 $?

# A profile copy that others could have written, or a symlink in its place,
# is refused, and nothing runs.
copy="$STATE_ROOT/$NAME/profile"
check "the launcher recorded a profile copy" test -f "$copy"
marker="$WORK/ran"
chmod o+w "$copy"
err=$(sb exec "$NAME" -- touch "$marker" 2>&1)
rc=$?
chmod o-w "$copy"
expect_eq "a copy writable by others: refused" 125 $rc
expect_match "and says why" "writable by others" "$err"
mv "$copy" "$copy.real"
ln -s "$copy.real" "$copy"
err=$(sb exec "$NAME" -- touch "$marker" 2>&1)
rc=$?
rm "$copy"
mv "$copy.real" "$copy"
expect_eq "a symlink in place of the copy: refused" 125 $rc
expect_match "and says why" "profile copy" "$err"
check "nothing ran" test ! -e "$marker"
check "the sandbox still runs" sb exec "$NAME" -- true

# The copy is read through the directory checked a moment before, not by
# its path again: a directory swapped in meanwhile is not what is read.
# exec stops itself (SANDBOX_TEST_STOP_AT) between the two.
SB_ENV="${SB_ENV:-} SANDBOX_TEST_STOP_AT=exec-state" sb exec "$NAME" -- true \
        2>"$WORK/stop.log" &
sjob=$!
JOBS="$JOBS $sjob"
stopped=
for _ in $(seq 100); do
        if grep -q "test stop point 'exec-state'" "$WORK/stop.log" 2>/dev/null; then
                for p in $(pgrep -x sandbox); do
                        [ "$(awk '{ sub(/.*\) /, ""); print $1 }' /proc/"$p"/stat 2>/dev/null)" = T ] &&
                                grep -qz "^$NAME\$" /proc/"$p"/cmdline 2>/dev/null && stopped=$p
                done
        fi
        [ -n "$stopped" ] && break
        sleep 0.05
done
check "exec stopped between opening the directory and reading the copy" test -n "$stopped"
mv "$STATE_ROOT/$NAME" "$STATE_ROOT/$NAME.moved"
mkdir -m 700 "$STATE_ROOT/$NAME"
echo 'this is { not a profile' >"$STATE_ROOT/$NAME/profile"
[ "$TEST_AS" = user ] && chown -R "$TEST_USER:" "$STATE_ROOT/$NAME"
[ -n "$stopped" ] && kill -CONT "$stopped"
wait "$sjob"
rc=$?
rm -rf "${STATE_ROOT:?}/$NAME"
mv "$STATE_ROOT/$NAME.moved" "$STATE_ROOT/$NAME"
expect_eq "the copy read is the one in the checked directory" 0 $rc

if [ "$TEST_AS" = user ]; then
        # Supplementary groups the sandbox's processes do not have cannot
        # be dropped without privilege: refused.
        err=$(cd "$WORK" && setpriv --reuid="$TEST_UID" --regid="$TEST_GID" \
                --groups=65534 --reset-env env HOME="$TEST_HOME" \
                XDG_RUNTIME_DIR="$WORK/run" "$SB" exec "$NAME" -- touch "$marker" 2>&1)
        rc=$?
        expect_eq "other supplementary groups: refused" 125 $rc
        expect_match "and says why" "supplementary groups differ" "$err"
        check "nothing ran" test ! -e "$marker"
else
        ok "other supplementary groups # SKIP root drops them on the way in"
        ok "and says why # SKIP as above"
        ok "nothing ran # SKIP as above"
fi

# The joined process ends with the sandbox.
sb exec "$NAME" -- sleep 120 &
xjob=$!
JOBS="$JOBS $xjob"
# Wait for it inside: a sleep in the sandbox's pid namespace that is not
# the first process.
pidns=$(stat -L -c %i /proc/"$TARGET_PID"/ns/pid)
joined_pid=
for _ in $(seq 100); do
        for p in $(pgrep -x sleep); do
                [ "$p" != "$TARGET_PID" ] &&
                        [ "$(stat -L -c %i /proc/"$p"/ns/pid 2>/dev/null)" = "$pidns" ] &&
                        joined_pid=$p
        done
        [ -n "$joined_pid" ] && break
        sleep 0.05
done
check "the joined process runs" test -n "$joined_pid"
kill -KILL "$TARGET_PID"
wait "$JOB"
for _ in $(seq 100); do
        alive "$xjob" || break
        sleep 0.05
done
check "the joined process died with the sandbox" test -z "$(alive "$joined_pid" && echo yes)"
wait "$xjob"
expect_eq "its joiner reports SIGKILL" 137 $?
err=$(sb exec "$NAME" -- true 2>&1)
expect_match "an ended sandbox is not joined" "no sandbox named" "$err"

# joinable = false: refused, nothing run, the sandbox untouched.
p=$(profile nojoin 'joinable = false;')
sb_bg --profile="$p" --name="${NAME}nj" -- sleep 120
JOBS="$JOBS $JOB $LAUNCHER_PID"
for _ in $(seq 100); do
        grep -q '^init_pid=[1-9]' "$STATE_ROOT/${NAME}nj/state" 2>/dev/null && break
        sleep 0.05
done
err=$(sb exec "${NAME}nj" -- touch "$marker" 2>&1)
rc=$?
expect_eq "joinable = false: refused" 125 $rc
expect_match "and says so" "not joinable" "$err"
check "nothing ran" test ! -e "$marker"
check "the sandbox still runs" alive "$TARGET_PID"
kill -TERM "$LAUNCHER_PID"
wait "$JOB"

# A time namespace: init's own is the host's (it made one for its
# children), so the joined process must get the first process's.
p=$(profile timens 'namespaces = [ "user", "mount", "pid", "uts", "ipc", "net", "time" ];')
sb_bg --profile="$p" --name="${NAME}t" -- sleep 120
JOBS="$JOBS $JOB $LAUNCHER_PID"
wait_joinable "${NAME}t"
expect_eq "a time namespace is the first process's" \
        "$(readlink /proc/"$TARGET_PID"/ns/time)" \
        "$(sb exec "${NAME}t" -- readlink /proc/self/ns/time)"
kill -TERM "$LAUNCHER_PID"
wait "$JOB"

# Root without a user namespace: the joined process runs as the same
# unprivileged host user as the first.
if [ "$TEST_AS" = root ]; then
        p=$(profile nouserns 'namespaces = [ "mount", "pid", "uts", "ipc", "net" ];')
        sb_bg --profile="$p" --name="${NAME}nu" -- sleep 120
        JOBS="$JOBS $JOB $LAUNCHER_PID"
        wait_joinable "${NAME}nu"
        first=$(grep -E '^(Uid|Gid|CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/"$TARGET_PID"/status)
        joined=$(sb exec "${NAME}nu" -- grep -E '^(Uid|Gid|CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status)
        expect_eq "without a user namespace: same host uid, caps, filter" "$first" "$joined"
        expect_eq "and the same mount namespace" "$(readlink /proc/"$TARGET_PID"/ns/mnt)" \
                "$(sb exec "${NAME}nu" -- readlink /proc/self/ns/mnt)"
        kill -TERM "$LAUNCHER_PID"
        wait "$JOB"
else
        ok "without a user namespace # SKIP only root may run a sandbox without one"
        ok "and the same mount namespace # SKIP as above"
fi

# A program that makes namespaces of its own at once: the state records
# init's (init reports them before the program runs), and exec joins those.
p=$(profile nested 'seccomp = { allow = [ "@namespaces" ]; };')
sb_bg --profile="$p" --name="${NAME}un" -- unshare --user --net sleep 120
JOBS="$JOBS $JOB $LAUNCHER_PID"
for _ in $(seq 100); do
        [ "$(readlink /proc/"$TARGET_PID"/ns/net 2>/dev/null)" != "$(readlink /proc/"$INIT_PID"/ns/net)" ] &&
                grep -q '^init_pid=[1-9]' "$STATE_ROOT/${NAME}un/state" 2>/dev/null && break
        sleep 0.05
done
check "the program is in a network namespace of its own" \
        test "$(readlink /proc/"$TARGET_PID"/ns/net)" != "$(readlink /proc/"$INIT_PID"/ns/net)"
rec=
for ns in user net; do
        rec="$rec$ns=$(sed -n "s/^ns\.$ns=//p" "$STATE_ROOT/${NAME}un/state") "
done
want="user=$(stat -L -c %d:%i /proc/"$INIT_PID"/ns/user) net=$(stat -L -c %d:%i /proc/"$INIT_PID"/ns/net) "
expect_eq "the state records init's namespaces, not the program's" "$want" "$rec"
if [ "$TEST_AS" = root ]; then
        expect_eq "exec joins init's network namespace" \
                "$(readlink /proc/"$INIT_PID"/ns/net)" \
                "$(sb exec "${NAME}un" -- readlink /proc/self/ns/net 2>&1)"
else
        # A user enters through the program (init is not theirs to open),
        # whose namespaces are not the recorded ones: refused.
        expect_match "exec does not join the program's own namespaces" \
                "namespace is not the one sandbox '${NAME}un' started with" \
                "$(sb exec "${NAME}un" -- readlink /proc/self/ns/net 2>&1)"
fi
kill -TERM "$LAUNCHER_PID"
wait "$JOB"

# The state root through a symlinked XDG_RUNTIME_DIR, and a profile that
# binds the real runtime directory read-write: the sandbox still sees no
# state (the mask is placed at the resolved path). A sandbox without a
# mount namespace sees its state: an unprivileged exec is refused.
if [ "$TEST_AS" = user ]; then
        # The link lies in the host's /tmp, which the sandbox does not see
        # (its /tmp is its own): a mask by the link's path is never placed.
        lnkdir=$(mktemp -d /tmp/sbxdg.XXXXXX)
        chmod 755 "$lnkdir"
        ln -s "$WORK" "$lnkdir/lnk"
        p=$(profile xdgbind "filesystem = { mounts = ( { type = \"bind\"; source = \"$WORK/run\"; readonly = false; } ); };")
        out=$(SB_ENV="XDG_RUNTIME_DIR=$lnkdir/lnk/run" sb --profile="$p" --name="${NAME}x" -- \
                sh -c "ls -A '$WORK/run/sandbox' 2>/dev/null; echo tampered 2>/dev/null >>'$WORK/run/sandbox/${NAME}x/profile' && echo WROTE" 2>&1)
        if printf '%s' "$out" | grep -q WROTE; then
                not_ok "a symlinked XDG_RUNTIME_DIR: the state stays hidden"
        else
                ok "a symlinked XDG_RUNTIME_DIR: the state stays hidden"
        fi
        if printf '%s' "$out" | grep -q "${NAME}x"; then
                not_ok "and its directory is not listed inside"
        else
                ok "and its directory is not listed inside"
        fi
        rm -rf "${lnkdir:?}"

        p=$(profile nomnt 'namespaces = [ "user", "pid", "uts", "ipc", "net" ];')
        sb_bg --profile="$p" --name="${NAME}nm" -- sleep 120
        JOBS="$JOBS $JOB $LAUNCHER_PID"
        for _ in $(seq 100); do
                grep -q '^init_pid=[1-9]' "$STATE_ROOT/${NAME}nm/state" 2>/dev/null && break
                sleep 0.05
        done
        err=$(sb exec "${NAME}nm" -- touch "$marker" 2>&1)
        rc=$?
        expect_eq "no mount namespace: an unprivileged exec is refused" 125 $rc
        expect_match "and says why" "no mount namespace of its own" "$err"
        check "nothing ran" test ! -e "$marker"
        kill -TERM "$LAUNCHER_PID"
        wait "$JOB"
else
        for t in "a symlinked XDG_RUNTIME_DIR" "its directory not listed" \
                "no mount namespace: refused" "and says why" "nothing ran"; do
                ok "$t # SKIP a user's state root (XDG_RUNTIME_DIR); root may join"
        done
fi

done_testing
