# Named sandboxes end to end: list (and --json), ps, stats, pause and
# resume (checked from outside: the cgroup freezer and the cpu time of a
# busy target), kill with and without a grace period, the sandbox ending
# with its first process, stale state after SIGKILL, duplicate and
# malformed names, two users who cannot see each other's sandboxes, and
# the state directory hidden from inside.
. "$(dirname "$0")/lib.sh"

# A user keeps state in $XDG_RUNTIME_DIR/sandbox: a private one under
# $WORK (the test user has no /run/user/UID; we do not make one on the
# host). root keeps it in /run/sandbox.
if [ "$TEST_AS" = user ]; then
        XDG="$WORK/xdg"
        mkdir -m 700 "$XDG"
        chown "$TEST_UID:$TEST_GID" "$XDG"
        SB_ENV="XDG_RUNTIME_DIR=$XDG"
        STATE_ROOT="$XDG/sandbox"
else
        XDG=
        SB_ENV=
        STATE_ROOT=/run/sandbox
fi
# Names unique to this run: root's /run/sandbox is shared with whatever
# else runs on this machine.
P="t$$"

OTHER_USER=
bg_pids=()
cleanup_named() {
        local p
        for p in "${bg_pids[@]}"; do
                kill -KILL "$p" 2>/dev/null
        done
        wait 2>/dev/null
        if [ -n "$OTHER_USER" ]; then
                userdel "$OTHER_USER" 2>/dev/null
        fi
        cleanup_harness
}
trap cleanup_named EXIT

# start NAME [SB ARGS...] -- CMD: a named sandbox in the background.
start() {
        local name=$1
        shift
        sb_bg --name="$name" "$@"
        local rc=$?
        bg_pids+=("$LAUNCHER_PID" "$INIT_PID" "$TARGET_PID")
        return $rc
}

# cpu_ticks PID: utime + stime of PID.
cpu_ticks() {
        awk '{ sub(/.*\) /, ""); print $12 + $13 }' /proc/"$1"/stat
}

# wait_gone PID: up to ~5 s for PID to end.
wait_gone() {
        for _ in $(seq 100); do
                alive "$1" || return 0
                sleep 0.05
        done
        return 1
}

# ---- list, --json, ps ----
start "${P}a" -- sleep 120
out=$(sb list); rc=$?
expect_eq "list exits 0" 0 $rc
expect_match "list shows the running named sandbox with init's pid" \
        "^${P}a +[^ ]+ +$INIT_PID +running .*sleep 120" "$out"
json=$(sb list --json)
got=$(printf '%s' "$json" | python3 -c '
import json, sys
for s in json.load(sys.stdin):
    if s["name"] == sys.argv[1]:
        print(s["pid"], s["state"], " ".join(s["command"]))' "${P}a")
expect_eq "list --json parses and has the sandbox" "$INIT_PID running sleep 120" "$got"
# A C1 control (U+0085, NEL) in the command is escaped, as C0 ones are.
saved=("$JOB" "$LAUNCHER_PID" "$INIT_PID" "$TARGET_PID")
start "${P}c1" -- sh -c 'sleep 120' "$(printf 'x\302\205y\001')"
json=$(sb list --json)
if printf '%s' "$json" | grep -q "$(printf '\302\205')"; then
        not_ok "list --json escapes C1 controls"
else
        ok "list --json escapes C1 controls"
fi
expect_match "as \\u0085 (and C0 as \\u0001)" 'x\\u0085y\\u0001' "$json"
sb kill "${P}c1" KILL >/dev/null 2>&1
wait "$JOB"
JOB=${saved[0]} LAUNCHER_PID=${saved[1]} INIT_PID=${saved[2]} TARGET_PID=${saved[3]}
out=$(sb ps "${P}a"); rc=$?
expect_eq "ps exits 0" 0 $rc
expect_match "ps shows the target with its host pid and pid 2 inside" \
        "^ *$TARGET_PID +2 +[^ ]+ +S sleep 120" "$out"
expect_match "ps shows init as pid 1" "^ *$INIT_PID +1 " "$out"
check "the state directory is the owner's, mode 0700" \
        test "$(stat -c '%u %a' "$STATE_ROOT/${P}a")" = "$TEST_UID 700"
check "the profile copy is mode 0600" \
        test "$(stat -c '%a' "$STATE_ROOT/${P}a/profile")" = 600

# ---- duplicate and malformed names ----
err=$(sb --name="${P}a" -- true 2>&1); rc=$?
expect_eq "a name in use is refused (125)" 125 $rc
expect_match "saying who holds it" \
        "a sandbox named '${P}a' is already running \\(pid $INIT_PID\\)" "$err"
check "the first sandbox still runs" alive "$TARGET_PID"
for bad in "../x" ".hidden" "a/b" "-x" "sp ace" \
        "$(printf 'a%.0s' $(seq 65))"; do
        err=$(sb --name="$bad" -- true 2>&1); rc=$?
        expect_eq "--name='${bad:0:20}' is a usage error" 123 $rc
        expect_match "with a clear message" "sandbox name" "$err"
done
err=$(sb kill "../etc" 2>&1); rc=$?
expect_eq "kill with a malformed name is a usage error" 123 $rc
expect_match "that says so" "'../etc' is not a valid sandbox name" "$err"
for verb in ps stats pause resume kill; do
        err=$(sb "$verb" "${P}nosuch" 2>&1); rc=$?
        expect_eq "$verb of an unknown sandbox exits 1" 1 $rc
        expect_match "$verb says there is none" "no sandbox named '${P}nosuch'" "$err"
done
err=$(sb kill "${P}a" NOSUCHSIG 2>&1); rc=$?
expect_eq "an unknown signal is a usage error" 123 $rc
check "and nothing was done" alive "$TARGET_PID"

# ---- stats ----
out=$(sb stats "${P}a" --json); rc=$?
expect_eq "stats --json exits 0" 0 $rc
procs=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["processes"])')
expect_eq "stats counts init and the target" 2 "$procs"
if [ "$TEST_AS" = root ]; then
        got=$(printf '%s' "$out" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print(s["cgroup"], s["cpu_usec"] > 0, s["memory_current"] > 0, s["pids_current"])')
        expect_eq "root's named sandbox has a cgroup with non-zero figures" \
                "True True True 2" "$got"
else
        expect_match "a user's sandbox has no cgroup figures" '"cgroup": false' "$out"
        out=$(sb stats "${P}a")
        expect_match "and stats says what they need" "no cgroup: cpu, memory" "$out"
fi
expect_match "stats reads the network namespace's counters" '"net_rx_bytes": 0' \
        "$(sb stats "${P}a" --json)"

# stats --watch: one JSON object a second, each of them whole.
# shellcheck disable=SC2086
out=$(as_caller timeout 2.6 env $SB_ENV "$SB" stats "${P}a" --watch --json)
n=$(printf '%s\n' "$out" | python3 -c '
import json, sys
print(sum(1 for l in sys.stdin if json.loads(l)["name"]))' "${P}a" 2>&1)
check "stats --watch --json redraws every second ($n frames in 2.6 s)" \
        test "$n" -ge 2 -a "$n" -le 4

# ---- kill: TERM, state removed ----
# shellcheck disable=SC2086
as_caller env $SB_ENV "$SB" stats "${P}a" --watch --json >"$WORK/watch.out" 2>&1 &
watch_job=$!
for _ in $(seq 100); do [ -s "$WORK/watch.out" ] && break; sleep 0.05; done
sb kill "${P}a"; rc=$?
expect_eq "kill exits 0" 0 $rc
for _ in $(seq 60); do alive "$watch_job" || break; sleep 0.05; done
if alive "$watch_job"; then
        not_ok "stats --watch ends with the sandbox"
        kill "$watch_job"
else
        wait "$watch_job"
        expect_eq "stats --watch ends with the sandbox, status 0" 0 $?
        expect_match "saying so" "the sandbox '${P}a' has ended" "$(cat "$WORK/watch.out")"
fi
check "the target is gone" wait_gone "$TARGET_PID"
check "the state directory is removed" test ! -e "$STATE_ROOT/${P}a"
wait "$JOB"
expect_eq "the launcher returns the target's status (TERM)" 143 $?
out=$(sb list)
if printf '%s' "$out" | grep -q "^${P}a "; then
        not_ok "list no longer shows it"
else
        ok "list no longer shows it"
fi

# ---- the state ends with the sandbox ----
sb --name="${P}q" -- true; rc=$?
expect_eq "a short named sandbox runs" 0 $rc
check "its state is gone when it ends" test ! -e "$STATE_ROOT/${P}q"
sb --name="${P}q" -- true
expect_eq "and its name is free again" 0 $?

# ---- an unnamed sandbox is listed under a generated id ----
sb_bg -- sleep 120
bg_pids+=("$LAUNCHER_PID" "$INIT_PID" "$TARGET_PID")
expect_match "an unnamed sandbox is listed under an id" \
        "^[0-9a-f]+-[0-9a-f]+ +[^ ]+ +$INIT_PID +running" "$(sb list)"
kill -KILL "$TARGET_PID"
wait "$JOB"

# ---- kill with a grace period: a target that ignores TERM ----
start "${P}k" -- sh -c 'trap "" TERM; while :; do sleep 1; done'
t0=$(date +%s%N)
err=$(sb kill "${P}k" --timeout=1 2>&1); rc=$?
t1=$(date +%s%N)
expect_eq "kill --timeout exits 0 once it had to kill" 0 $rc
expect_match "and says it killed" "did not end within 1 s .*killed" "$err"
ms=$(( (t1 - t0) / 1000000 ))
check "after the grace period, not before (${ms} ms)" test "$ms" -ge 950 -a "$ms" -lt 6000
check "the target is gone" wait_gone "$TARGET_PID"
check "its state is removed" test ! -e "$STATE_ROOT/${P}k"
wait "$JOB"

# ---- pause and resume (a cgroup freezer) ----
start "${P}p" -- sh -c 'while :; do :; done'
if [ "$TEST_AS" = root ]; then
        sleep 0.3
        c0=$(cpu_ticks "$TARGET_PID")
        sleep 0.5
        c1=$(cpu_ticks "$TARGET_PID")
        check "stats: the busy target uses cpu ($c0 -> $c1 ticks)" test "$c1" -gt "$c0"
        u0=$(sb stats "${P}p" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["cpu_usec"])')
        sleep 0.5
        u1=$(sb stats "${P}p" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["cpu_usec"])')
        check "stats: cpu_usec rises under load ($u0 -> $u1)" test "$u1" -gt "$((u0 + 100000))"
        sb pause "${P}p"; rc=$?
        expect_eq "pause exits 0" 0 $rc
        expect_match "list says paused" "^${P}p .* paused " "$(sb list)"
        # The cgroup2 tree's freezer when there is one (hybrid too), else
        # the v1 freezer hierarchy's.
        upath=$(awk -F: '$1 == "0" { print $3 }' /proc/"$TARGET_PID"/cgroup)
        umnt=$(awk '$9 == "cgroup2" { print $5; exit }' /proc/self/mountinfo)
        fpath=$(awk -F: '$2 ~ /(^|,)freezer(,|$)/ { print $3 }' /proc/"$TARGET_PID"/cgroup)
        fmnt=$(awk '$9 == "cgroup" && $NF ~ /(^|,)freezer(,|$)/ { print $5; exit }' /proc/self/mountinfo)
        if [ -n "$umnt" ] && [ -n "$upath" ] && [ "$upath" != / ] &&
                [ -e "$umnt$upath/cgroup.events" ]; then
                expect_match "cgroup.events says frozen" "frozen 1" \
                        "$(cat "$umnt$upath/cgroup.events")"
        elif [ -n "$fmnt" ] && [ -e "$fmnt$fpath/freezer.state" ]; then
                expect_eq "the v1 freezer says FROZEN" FROZEN \
                        "$(cat "$fmnt$fpath/freezer.state")"
        else
                not_ok "the sandbox's freezer is found from outside"
        fi
        c0=$(cpu_ticks "$TARGET_PID")
        sleep 0.5
        c1=$(cpu_ticks "$TARGET_PID")
        expect_eq "a paused target gets no cpu" "$c0" "$c1"
        expect_match "its state in /proc is not running" "^State:[[:space:]]+[SD]" \
                "$(grep ^State: /proc/"$TARGET_PID"/status)"
        sb resume "${P}p"; rc=$?
        expect_eq "resume exits 0" 0 $rc
        sleep 0.3
        c2=$(cpu_ticks "$TARGET_PID")
        check "a resumed target runs again ($c1 -> $c2)" test "$c2" -gt "$c1"
        expect_match "list says running" "^${P}p .* running " "$(sb list)"
else
        err=$(sb pause "${P}p" 2>&1); rc=$?
        expect_eq "pause without a cgroup fails (1)" 1 $rc
        expect_match "saying what it needs" "has no cgroup; this needs one" "$err"
        c0=$(cpu_ticks "$TARGET_PID")
        sleep 0.3
        check "and the sandbox runs on" test "$(cpu_ticks "$TARGET_PID")" -gt "$c0"
        ok "# SKIP freezing needs a cgroup, which this user cannot create (no delegation)"
fi
sb kill "${P}p" KILL; rc=$?
expect_eq "kill NAME KILL exits 0" 0 $rc
check "the busy target is gone" wait_gone "$TARGET_PID"
wait "$JOB"

# ---- killing the first process ends the sandbox ----
for ns in pid nopid; do
        prof=
        if [ $ns = nopid ]; then
                prof=--profile=$(profile nopid 'namespaces = [ "user", "mount", "uts", "ipc", "net" ];')
        fi
        start "${P}f$ns" $prof -- sh -c 'sleep 300 & sleep 300 & wait'
        sleep 0.2
        kids=$(sb ps "${P}f$ns" | awk 'NR > 1 && $5 == "sleep" { print $1 }')
        n=$(printf '%s\n' $kids | grep -c .)
        expect_eq "($ns) ps finds the two background children" 2 "$n"
        kill -KILL "$TARGET_PID"
        wait "$JOB"
        gone=0
        for k in $kids; do wait_gone "$k" && gone=$((gone + 1)); done
        expect_eq "($ns) killing the first process kills the rest" 2 "$gone"
        check "($ns) and removes the state" test ! -e "$STATE_ROOT/${P}f$ns"
done

# ---- stale state: launcher and init SIGKILLed ----
start "${P}s" -- sleep 120
kill -KILL "$LAUNCHER_PID" "$INIT_PID"
wait "$JOB" 2>/dev/null
wait_gone "$INIT_PID"
check "the stale state is still there" test -e "$STATE_ROOT/${P}s/state"
out=$(sb list)
if printf '%s' "$out" | grep -q "^${P}s "; then
        not_ok "list does not show a dead sandbox"
else
        ok "list does not show a dead sandbox"
fi
check "list removed the stale state" test ! -e "$STATE_ROOT/${P}s"
start "${P}s" -- true
wait "$JOB"
expect_eq "its name can be used again" 0 $?

# ---- the state directory is not visible inside ----
if [ "$TEST_AS" = user ]; then
        # root = host shows $WORK, hence the user's state root.
        start "${P}h" -- sleep 120
        out=$(sb -- sh -c "ls -A '$STATE_ROOT'; touch '$STATE_ROOT/x' 2>&1; echo done")
        expect_match "the state root shows empty inside" "^done|Read-only|denied" "$out"
        if printf '%s' "$out" | grep -q "${P}h"; then
                not_ok "no sandbox's state shows inside"
        else
                ok "no sandbox's state shows inside"
        fi
        check "nothing was written to it" test ! -e "$STATE_ROOT/x"
else
        start "${P}h" -- sleep 120
        runp=$(profile seerun 'filesystem = { mounts = ( { type = "bind"; source = "/run"; readonly = false; } ); };')
        out=$(sb --profile="$runp" -- sh -c 'ls -A /run/sandbox; touch /run/sandbox/x 2>&1; echo done')
        # root's state is 0700 and the sandbox's root is not host root, so
        # it could not be read anyway: check the mask itself.
        mi=$(sb --profile="$runp" -- cat /proc/self/mountinfo)
        expect_match "with /run bound, a mask covers /run/sandbox" " /run/sandbox " "$mi"
        if printf '%s' "$out" | grep -q "${P}h"; then
                not_ok "with /run bound, /run/sandbox shows nothing inside"
        else
                ok "with /run bound, /run/sandbox shows nothing inside"
        fi
        expect_match "and cannot be written" "Read-only|denied" "$out"
        check "nothing was written to it" test ! -e /run/sandbox/x
fi
sb kill "${P}h" KILL >/dev/null
wait "$JOB"

# ---- two users ----
OTHER_USER="sbo$$"
if useradd --no-create-home --home-dir "$WORK/other" --shell /bin/sh "$OTHER_USER" >/dev/null; then
        OUID=$(id -u "$OTHER_USER")
        OGID=$(id -g "$OTHER_USER")
        mkdir -m 700 "$WORK/oxdg" "$WORK/other"
        chown "$OUID:$OGID" "$WORK/oxdg" "$WORK/other"
        as_other() {
                (cd "$WORK" && setpriv --reuid="$OUID" --regid="$OGID" --clear-groups \
                        --reset-env env HOME="$WORK/other" XDG_RUNTIME_DIR="$WORK/oxdg" \
                        SANDBOX_PROFILEDIR="$WORK/profiles" "$SB" "$@")
        }
        start "${P}u" -- sleep 120
        mine=$TARGET_PID
        out=$(as_other list)
        if printf '%s' "$out" | grep -q "${P}u"; then
                not_ok "another user's list does not show the sandbox"
        else
                ok "another user's list does not show the sandbox"
        fi
        for verb in ps stats pause kill; do
                err=$(as_other "$verb" "${P}u" 2>&1); rc=$?
                expect_eq "another user's $verb fails" 1 $rc
                expect_match "as if there were none" "no sandbox named '${P}u'" "$err"
        done
        check "and the sandbox runs on" alive "$mine"
        # The other way round: the other user's sandbox, same name.
        (as_other --name="${P}u" -- sleep 120) &
        ojob=$!
        for _ in $(seq 100); do
                [ -e "$WORK/oxdg/sandbox/${P}u/profile" ] && break
                sleep 0.05
        done
        check "the same name is free for another user" test -e "$WORK/oxdg/sandbox/${P}u/profile"
        out=$(sb ps "${P}u")
        if printf '%s' "$out" | grep -q "$mine"; then
                ok "each sees only their own sandbox of that name"
        else
                not_ok "each sees only their own sandbox of that name"
        fi
        as_other kill "${P}u" KILL
        expect_eq "the other user can kill their own" 0 $?
        wait "$ojob"
        check "and ours runs on" alive "$mine"
        sb kill "${P}u" KILL
        wait "$JOB"
        if [ "$TEST_AS" = root ]; then
                # root's list shows users' sandboxes from /run/user/UID: a
                # /run/user of our own, in a mount namespace this test makes.
                # A forged state naming the host's pid 1 is not shown.
                out=$(OUID=$OUID OGID=$OGID SB=$SB P=$P WORK=$WORK \
                        unshare --mount --propagation private -- bash -c '
                        mount -t tmpfs -o mode=755 sbtest /run/user || exit 1
                        mkdir -m 700 /run/user/$OUID
                        chown $OUID:$OGID /run/user/$OUID
                        u() { setpriv --reuid=$OUID --regid=$OGID --clear-groups \
                                --reset-env env XDG_RUNTIME_DIR=/run/user/$OUID \
                                SANDBOX_PROFILEDIR=$WORK/profiles "$SB" "$@"; }
                        (cd $WORK && u --name=${P}v -- sleep 120) &
                        for _ in $(seq 100); do
                                [ -e /run/user/$OUID/sandbox/${P}v/profile ] && break
                                sleep 0.05
                        done
                        start1=$(awk "{ sub(/.*\\) /, \"\"); print \$20 }" /proc/1/stat)
                        d=/run/user/$OUID/sandbox/${P}forged
                        mkdir -m 700 $d
                        printf "version=1\nname=${P}forged\nowner=$OUID\nlauncher_pid=1\nlauncher_start=$start1\ninit_pid=1\ninit_start=$start1\ncreated=1\n" >$d/state
                        chown -R $OUID:$OGID $d
                        echo "== ulist"
                        u list
                        echo "== list"
                        env -i "$SB" list
                        # A mount point where a sandbox directory would
                        # be (a FUSE one could hang root): skipped, even
                        # holding the live state of a sandbox.
                        m=/run/user/$OUID/sandbox/${P}mnt
                        mkdir -m 700 $m
                        mount -t tmpfs -o mode=700,uid=$OUID,gid=$OGID sbmnt $m
                        sed "s/^name=.*/name=${P}mnt/" /run/user/$OUID/sandbox/${P}v/state >$m/state
                        chown $OUID:$OGID $m/state
                        echo "== mlist"
                        env -i "$SB" list
                        umount $m
                        rmdir $m
                        echo "== kill"
                        env -i "$SB" kill ${P}v 2>&1
                        echo "== user kill"
                        u kill ${P}v KILL 2>&1
                        wait
                        echo "== end"
                ' 2>&1)
                expect_match "root's list shows a user's sandbox, owned by them" \
                        "${P}v +$OTHER_USER +[0-9]+ +running" "$out"
                flat=$(printf '%s' "$out" | tr '\n' ' ')
                # The forged file is well formed: its owner's list takes it.
                expect_match "the forged state parses (its owner lists it)" \
                        "== ulist .*${P}forged .*== list" "$flat"
                if printf '%s' "$flat" | grep -q "== list .*${P}forged.*== kill"; then
                        not_ok "a forged state naming another process is not shown to root"
                else
                        ok "a forged state naming another process is not shown to root"
                fi
                if printf '%s' "$flat" | grep -q "== mlist .*${P}mnt.*== kill"; then
                        not_ok "a mount point in a user's state root is skipped"
                else
                        ok "a mount point in a user's state root is skipped"
                fi
                expect_match "the sandbox beside it is listed" \
                        "== mlist .*${P}v .*== kill" "$flat"
                expect_match "root does not act on a user's sandbox" \
                        "== kill.*no sandbox named '${P}v'" "$(printf '%s' "$out" | tr '\n' ' ')"
                expect_match "its user does" "== user kill *== end" \
                        "$(printf '%s' "$out" | tr '\n' ' ')"
        else
                ok "# SKIP root's view of users' sandboxes is tested in the root run"
        fi
else
        ok "# SKIP cannot create a second user"
fi

done_testing
