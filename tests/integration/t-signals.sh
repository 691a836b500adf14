# Signals and lifetime: signals sent to the launcher reach the target,
# orphans are reaped, and killing the launcher ends the sandbox.
. "$(dirname "$0")/lib.sh"

# wait_for_file FILE: until it has content (at most ~5 s).
wait_for_file() {
        for _ in $(seq 100); do
                [ -s "$1" ] && return 0
                sleep 0.05
        done
        return 1
}

log="$WORK/signals.log"
: >"$log"
chmod 666 "$log"
# The target reports through $log: show $WORK read-write inside.
rw=$(profile rw "filesystem = { mounts = ( { type = \"bind\"; source = \"$WORK\"; readonly = false; } ); };")
sb_bg --profile="$rw" -- sh -c "trap 'echo USR1 >> $log' USR1; trap 'echo TERM >> $log; exit 3' TERM;
  echo ready >> $log; while :; do sleep 0.02; done"
launcher=$LAUNCHER_PID
wait_for_file "$log"
kill -USR1 $launcher
for _ in $(seq 100); do grep -q USR1 "$log" && break; sleep 0.05; done
kill -TERM $launcher
wait $JOB
rc=$?
expect_match "SIGUSR1 sent to the launcher reached the target" USR1 "$(cat "$log")"
expect_match "SIGTERM sent to the launcher reached the target" TERM "$(cat "$log")"
expect_eq "the launcher exits with the target's status" 3 $rc

# Every catchable signal, not only INT and TERM: a real-time one too.
: >"$log"
sb_bg --profile="$rw" -- sh -c "trap 'echo HUP >> $log' HUP; trap 'echo WINCH >> $log' WINCH;
  trap 'echo RT >> $log; exit 0' 40; echo ready >> $log; while :; do sleep 0.02; done"
launcher=$LAUNCHER_PID
wait_for_file "$log"
kill -HUP $launcher
kill -WINCH $launcher
kill -40 $launcher
wait $JOB
got=$(tr '\n' ' ' <"$log")
expect_match "SIGHUP reached the target" HUP "$got"
expect_match "SIGWINCH reached the target" WINCH "$got"
expect_match "a real-time signal reached the target" RT "$got"

# Orphans: a grandchild whose parent exits is reparented to init and reaped.
out=$(sb -- sh -c '( sleep 0.2 & ) ; sleep 0.6; for s in /proc/[0-9]*/stat; do cut -d" " -f3 "$s"; done')
if printf '%s\n' "$out" | grep -qx Z; then
        not_ok "an orphaned grandchild is reaped"
        printf '# states: %s\n' "$(echo $out)"
else
        ok "an orphaned grandchild is reaped"
fi

# SIGKILL of the launcher ends everything in the sandbox.
sb_bg -- sh -c 'sleep 60 & sleep 60'
launcher=$LAUNCHER_PID
init=$INIT_PID
target=$TARGET_PID
for _ in $(seq 100); do
        grandchild=$(pgrep -P "$target") && break
        sleep 0.05
done
kill -KILL $launcher
wait $JOB 2>/dev/null
gone=1
for _ in $(seq 100); do
        gone=1
        for p in $init $target $grandchild; do alive "$p" && gone=0; done
        [ $gone = 1 ] && break
        sleep 0.05
done
check "killing the launcher with SIGKILL ends the sandbox" test $gone = 1
for p in $init $target $grandchild; do alive "$p" && kill -KILL "$p"; done

# Without a pid namespace nothing ends the program's descendants for us:
# init kills them when the program exits.
p=$(profile nopid "namespaces = [ \"user\", \"mount\", \"uts\", \"ipc\", \"net\" ];
filesystem = { mounts = ( { type = \"bind\"; source = \"$WORK\"; readonly = false; } ); };")
pidfile="$WORK/leftover.pid"
: >"$pidfile"
chmod 666 "$pidfile"
sb --profile="$p" -- sh -c "setsid sleep 300 </dev/null >/dev/null 2>&1 & echo \$! > $pidfile"
left=$(cat "$pidfile")
gone=0
for _ in $(seq 100); do
        alive "$left" || { gone=1; break; }
        sleep 0.05
done
check "without a pid namespace a daemonised leftover is killed" test -n "$left" -a $gone = 1
[ -n "$left" ] && alive "$left" && kill -KILL "$left"

# die_with_parent = false: the sandbox outlives its launcher.
p=$(profile stay 'process = { die_with_parent = false; };')
sb_bg --profile="$p" -- sleep 30
launcher=$LAUNCHER_PID
init=$INIT_PID
target=$TARGET_PID
kill -KILL $launcher
wait $JOB 2>/dev/null
sleep 0.3
check "with die_with_parent = false the sandbox survives" alive "$target"
kill -KILL "$init" "$target" 2>/dev/null

done_testing
