# A real sandbox seen from inside: pid namespace with init as PID 1 and
# the target as PID 2, own hostname, own namespaces, no capabilities,
# no_new_privs, the documented identity.
. "$(dirname "$0")/lib.sh"

out=$(sb -- sh -c 'echo $$; cat /proc/1/comm; hostname; id -u; id -g')
set -- $out
expect_eq "the target is PID 2" 2 "${1:-}"
expect_eq "PID 1 is the sandbox's init" sandbox "${2:-}"
expect_eq "hostname is the profile's" sandbox "${3:-}"
expect_eq "uid inside is the caller's" "$TEST_UID" "${4:-}"
expect_eq "gid inside is the caller's" "$TEST_GID" "${5:-}"
expect_eq "the host's hostname is untouched" "$(cat /proc/sys/kernel/hostname)" "$(hostname)"

status=$(sb -- cat /proc/self/status)
for set in CapInh CapPrm CapEff CapBnd CapAmb; do
        expect_match "$set is empty" "^$set:[[:space:]]+0+$" \
                "$(printf '%s\n' "$status" | grep "^$set:")"
done
expect_match "no_new_privs is set" "^NoNewPrivs:[[:space:]]+1$" \
        "$(printf '%s\n' "$status" | grep NoNewPrivs)"

# The uid seen by the host: never host root, even when root starts it.
sb_bg -- sleep 5
launcher=$LAUNCHER_PID
init=$INIT_PID
target=$TARGET_PID
host_uid=$(awk '/^Uid:/ {print $2}' /proc/"$target"/status 2>/dev/null)
expect_eq "the target's host uid is $HOST_UID" "$HOST_UID" "$host_uid"
init_uid=$(awk '/^Uid:/ {print $2}' /proc/"$init"/status 2>/dev/null)
expect_eq "init's host uid is $HOST_UID" "$HOST_UID" "$init_uid"
expect_match "init holds no capabilities" "^CapEff:[[:space:]]+0+$" \
        "$(grep CapEff /proc/"$init"/status 2>/dev/null)"
for ns in pid uts ipc net mnt user cgroup; do
        host=$(readlink /proc/$$/ns/$ns)
        inside=$(readlink /proc/"$target"/ns/$ns 2>/dev/null)
        check "the $ns namespace is new" test -n "$inside" -a "$host" != "$inside"
done
kill "$launcher"
wait "$JOB"

# An explicit namespace list: without uts the hostname is the host's.
p=$(profile nouts 'namespaces = [ "user", "mount", "pid" ];')
expect_eq "without uts the host's hostname shows" "$(hostname)" \
        "$(sb --profile="$p" -- hostname)"
expect_eq "without net the host's network namespace is shared" \
        "$(readlink /proc/$$/ns/net)" \
        "$(sb --profile="$p" -- readlink /proc/self/ns/net)"

# Without a user namespace: only root may do it, and the program is still
# not host root unless the profile says process.host_user = "root".
p=$(profile nouserns 'namespaces = [ "mount", "pid", "uts", "ipc", "net" ];')
if [ "$TEST_AS" = root ]; then
        expect_eq "without userns the program runs as host nobody" "65534 65534" \
                "$(sb --profile="$p" -- sh -c 'echo $(id -u) $(id -g)')"
        expect_match "and cannot open root's files for writing" "denied|Permission" \
                "$(sb --profile="$p" -- sh -c 'echo x >> /etc/shadow' 2>&1)"
        p=$(profile hostroot 'namespaces = [ "mount", "pid" ];
process = { host_user = "root"; };')
        expect_eq "host_user = root means host root, on purpose" 0 \
                "$(sb --profile="$p" -- id -u)"
        expect_match "still without capabilities" "^CapEff:[[:space:]]+0+$" \
                "$(sb --profile="$p" -- grep CapEff /proc/self/status)"
else
        err=$(sb --profile="$p" -- true 2>&1); rc=$?
        expect_eq "without userns an ordinary user is refused (125)" 125 $rc
        expect_match "with the reason" "needs root" "$err"
        ok "# SKIP host_user is root-only"
fi

p=$(profile named 'hostname = "box-1";')
expect_eq "hostname from the profile" box-1 "$(sb --profile="$p" -- hostname)"

# A new session: the target has no controlling terminal to inject into.
expect_eq "the target is in the session init started (sid 1)" 1 \
        "$(sb -- sh -c 'cut -d" " -f6 /proc/$$/stat')"

done_testing
