# sandbox checkpoint / restore through CRIU. Where `criu check` fails (as
# Debian's criu 3.17 does on recent kernels) the commands must say so and
# exit 125, and the rest is skipped with criu's reason.
. "$(dirname "$0")/lib.sh"

if [ "$TEST_AS" = user ]; then
        mkdir -m 700 "$WORK/run"
        chown "$TEST_USER:" "$WORK/run"
        SB_ENV="XDG_RUNTIME_DIR=$WORK/run"
fi
NAME="tcriu$$"
JOBS=
cleanup_criu() {
        for p in $JOBS; do kill -KILL "$p" 2>/dev/null; done
}
trap 'cleanup_criu; cleanup_harness' EXIT

IMG="$WORK/images"
mkdir -m 700 "$IMG"
[ "$TEST_AS" = user ] && chown "$TEST_USER:" "$IMG"

# Checks before CRIU is ever run.
err=$(sb checkpoint "$NAME" 2>&1)
expect_eq "checkpoint without --image-path is a usage error" 123 $?
err=$(sb restore 2>&1)
expect_eq "restore without --image-path is a usage error" 123 $?
err=$(sb checkpoint 'bad/name' --image-path="$IMG" 2>&1)
expect_eq "a malformed name is a usage error" 123 $?
chmod 777 "$IMG"
err=$(sb restore --image-path="$IMG" 2>&1)
rc=$?
chmod 700 "$IMG"
expect_eq "an image directory writable by others: refused" 125 $rc
expect_match "and says why" "writable by others" "$err"
err=$(sb restore --image-path="$IMG" 2>&1)
expect_match "an empty image directory is not a checkpoint" "not a sandbox checkpoint" "$err"

CRIU=$(command -v criu || ls /usr/sbin/criu 2>/dev/null)
if [ -z "$CRIU" ]; then
        ok "checkpoint/restore # SKIP criu is not installed"
        done_testing
        exit
fi
why=$("$CRIU" check 2>&1)
criu_ok=$?

sb_bg --name="$NAME" -- sh -c 'i=0; while :; do i=$((i+1)); echo $i >/tmp/n; sleep 0.1; done'
JOBS="$JOB $LAUNCHER_PID"
for _ in $(seq 100); do
        sb exec "$NAME" -- true 2>/dev/null && break
        sleep 0.05
done
err=$(sb checkpoint "$NAME" --image-path="$IMG" 2>&1)
rc=$?
if [ $criu_ok -ne 0 ]; then
        expect_eq "checkpoint without a working criu exits 125" 125 $rc
        expect_match "and says criu check failed" \
                "criu check failed: .*checkpoint/restore is not available on this host" "$err"
        check "the sandbox is left running" alive "$TARGET_PID"
        kill -TERM "$LAUNCHER_PID"
        wait "$JOB"
        reason=$(printf '%s\n' "$why" | grep -v '^$' | tail -n1)
        ok "checkpoint and restore of a counter # SKIP criu check failed: $reason"
        done_testing
        exit
fi
if [ "$TEST_AS" = user ]; then
        kill -TERM "$LAUNCHER_PID"
        wait "$JOB"
        ok "checkpoint and restore of a counter # SKIP criu needs root"
        done_testing
        exit
fi
expect_eq "checkpoint" 0 $rc
before=$(cat "$IMG/sandbox.state" | grep -c '^name=')
expect_eq "the checkpoint records the sandbox" 1 "$before"
wait "$JOB"
sb restore --image-path="$IMG" &
RJOB=$!
JOBS="$JOBS $RJOB"
n1=
for _ in $(seq 100); do
        n1=$(sb exec "$NAME" -- cat /tmp/n 2>/dev/null) && [ -n "$n1" ] && break
        sleep 0.05
done
sleep 0.5
n2=$(sb exec "$NAME" -- cat /tmp/n 2>/dev/null)
check "the restored counter goes on counting" test "${n2:-0}" -gt "${n1:-0}"
kill -TERM $RJOB
wait $RJOB
done_testing
