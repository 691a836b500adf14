# The filesystem view with root = "host" (the default): the host's files
# read-only, the mount list on top, the minimal /dev, the kernel masks, a
# private /tmp and /run, and the old root gone from mountinfo.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-fs.sh"

# ---- the default view ----
out=$(sb -- sh -c 'touch /etc/sandbox-probe 2>&1; echo rc=$?')
expect_match "the host's files are read-only" "Read-only file system" "$out"
absent_on_host "nothing was written to the host's /etc" /etc/sandbox-probe
expect_eq "the host's files are visible" "$(head -n1 /etc/os-release)" \
        "$(sb -- head -n1 /etc/os-release)"
expect_eq "the old root is gone from mountinfo" 1 "$(sb -- sh -c "$ROOT_MOUNTS")"
expect_eq "/proc shows the sandbox's pid namespace" "/proc/1 /proc/2" \
        "$(sb -- sh -c 'echo /proc/[0-9]*')"
expect_eq "no mount propagates to the host" "$(wc -l </proc/self/mountinfo)" \
        "$(sb -- true; wc -l </proc/self/mountinfo)"

probe="/tmp/sandbox-private-$$"
out=$(sb -- sh -c "echo private >$probe && cat $probe")
expect_eq "/tmp is writable inside" private "$out"
absent_on_host "/tmp is private: the host does not see the file" "$probe"
expect_eq "a second sandbox gets a fresh /tmp" 0 "$(sb -- sh -c 'ls -A /tmp | wc -l')"
hostfile=$(mktemp /tmp/sandbox-hostfile.XXXXXX)
chmod 644 "$hostfile"
sb -- test -e "$hostfile"
expect_eq "the host's /tmp is hidden" 1 $?
rm -f "$hostfile"
expect_eq "the host's /run is hidden" 0 "$(sb -- sh -c 'ls -A /run | wc -l')"

# ---- bind mounts ----
mkdir -p "$WORK/ro" "$WORK/rw"
echo ro-content >"$WORK/ro/file"
chmod -R a+rX "$WORK/ro"
chmod 777 "$WORK/rw"
p=$(fs_profile binds host "$(bind_entry "$WORK/ro")" \
        "$(bind_entry "$WORK/rw" 'readonly = false;')")
out=$(sb --profile="$p" -- sh -c "cat $WORK/ro/file; echo x 2>&1 >$WORK/ro/new;
  echo through >$WORK/rw/new && echo written")
expect_match "a read-only bind shows the host's file" "^ro-content" "$out"
expect_match "a read-only bind refuses writes" "Read-only file system" "$out"
absent_on_host "nothing was written through the read-only bind" "$WORK/ro/new"
expect_eq "a read-write bind writes through to the host" through \
        "$(cat "$WORK/rw/new" 2>/dev/null)"
expect_match "binds are nosuid and nodev" "nosuid,nodev" \
        "$(sb --profile="$p" -- awk -v t="$WORK/rw" '$5 == t {print $6}' /proc/self/mountinfo)"

# ---- tmpfs, file, dir, symlink ----
p=$(fs_profile objects host \
        '{ type = "tmpfs"; target = "/tmp/t"; size = "1M"; mode = "0700"; }' \
        '{ type = "file"; target = "/etc/motd"; content = "hello from the profile\n"; }' \
        '{ type = "dir"; target = "/tmp/made/deep"; mode = "0750"; }' \
        '{ type = "symlink"; source = "/etc/motd"; target = "/tmp/motd-link"; }')
out=$(sb --profile="$p" -- sh -c 'stat -c %a /tmp/t; df -k /tmp/t | awk "NR == 2 {print \$2}";
  echo hi >/tmp/t/f && cat /tmp/t/f; cat /etc/motd; stat -c %a /tmp/made/deep;
  readlink /tmp/motd-link; cat /tmp/motd-link; echo x 2>&1 >/etc/motd')
set -f; IFS='
'; set -- $out; unset IFS; set +f
expect_eq "a tmpfs gets its mode" 700 "${1:-}"
expect_eq "a tmpfs gets its size" 1024 "${2:-}"
expect_eq "a tmpfs is writable" hi "${3:-}"
expect_eq "a file holds its content" "hello from the profile" "${4:-}"
expect_eq "a dir is made with its mode, parents too" 750 "${5:-}"
expect_eq "a symlink holds its text" /etc/motd "${6:-}"
expect_eq "and leads where it says" "hello from the profile" "${7:-}"
expect_match "a file is read-only by default" "Read-only file system" "${8:-}"

# ---- sysfs, mqueue ----
p=$(fs_profile kernelfs host '{ type = "sysfs"; }' '{ type = "mqueue"; }')
out=$(sb --profile="$p" -- sh -c 'ls /sys/class/net | tr "\n" " "; echo;
  grep -E " /(sys|dev/mqueue) " /proc/self/mountinfo | sed "s/^[^ ]* [^ ]* [^ ]* [^ ]* \([^ ]*\) \([^ ,]*\).* - \([^ ]*\) .*/\1 \2 \3/"')
expect_match "a new sysfs shows the sandbox's network namespace" "^lo $" "$out"
expect_match "sysfs is read-only" "^/sys ro sysfs$" "$out"
expect_match "mqueue is mounted on /dev/mqueue" "^/dev/mqueue rw mqueue$" "$out"

# ---- the default /sys ----
# With a network namespace a sysfs of its own: only the sandbox's links.
# Whatever /sys is, the host's cgroup hierarchies (other tenants' names,
# limits, release_agent) lie under an empty read-only tmpfs.
host_links=$(ls /sys/class/net | tr '\n' ' ')
host_cg=$(ls -A /sys/fs/cgroup | tr '\n' ' ')
out=$(sb -- sh -c 'ls /sys/class/net | tr "\n" " "; echo; ls -A /sys/fs/cgroup | wc -l;
  stat -f -c %T /sys /sys/fs/cgroup; touch /sys/fs/cgroup/x 2>&1;
  cat /sys/fs/cgroup/unified/cgroup.procs /sys/fs/cgroup/cgroup.procs 2>/dev/null | wc -l')
set -f; IFS='
'; set -- $out; unset IFS; set +f
expect_eq "/sys/class/net lists only the sandbox's links (host: $host_links)" "lo " "${1:-}"
expect_eq "/sys/fs/cgroup shows nothing of the host (host: $host_cg)" 0 "${2:-}"
expect_eq "/sys is a new sysfs" sysfs "${3:-}"
expect_eq "/sys/fs/cgroup is a tmpfs" tmpfs "${4:-}"
expect_match "it is read-only" "Read-only file system" "${5:-}"
expect_eq "no cgroup file of the host can be read" 0 "${6:-}"
expect_match "the default sysfs and its cover are in the verbose log" \
        "mount: sysfs /sys \[default mount\].*mount: tmpfs /sys/fs/cgroup \[kernel mask\]" \
        "$(sb -v -- true 2>&1 | tr '\n' ' ')"
# Without one, the host's /sys stays (read-only): a new sysfs would show
# the host's interfaces all the same. The cgroup hierarchies stay hidden.
p=$(profile nonet 'namespaces = [ "user", "mount", "pid" ];')
out=$(sb --profile="$p" -- sh -c 'ls /sys/class/net | tr "\n" " "; echo; ls -A /sys/fs/cgroup | wc -l;
  touch /sys/x 2>&1')
set -f; IFS='
'; set -- $out; unset IFS; set +f
expect_eq "without a network namespace /sys/class/net is the host's" "$host_links" "${1:-}"
expect_eq "and /sys/fs/cgroup still shows nothing" 0 "${2:-}"
expect_match "and /sys is read-only" "Read-only file system" "${3:-}"
p=$(profile nonet-unmask 'namespaces = [ "user", "mount", "pid" ];
filesystem = { unmask = [ "/sys/fs/cgroup" ]; };')
expect_eq "unmask leaves the host's /sys/fs/cgroup visible" "$host_cg" \
        "$(sb --profile="$p" -- ls -A /sys/fs/cgroup | tr '\n' ' ')"

# ---- /dev ----
basics="fd ptmx pts shm stderr stdin stdout"
want=$(printf '%s\n' $basics null zero full random urandom tty | sort | tr '\n' ' ')
expect_eq "/dev holds the default devices and the basics, nothing else" "$want" \
        "$(sb -- sh -c 'ls -A /dev | sort | tr "\n" " "')"
p=$(profile devnull 'devices = [ "null" ];')
want=$(printf '%s\n' $basics null | sort | tr '\n' ' ')
expect_eq "devices lists exactly the nodes /dev holds" "$want" \
        "$(sb --profile="$p" -- sh -c 'ls -A /dev | sort | tr "\n" " "')"
out=$(sb -- sh -c 'echo x >/dev/null && echo null-ok; head -c 4 /dev/zero | wc -c;
  dd if=/dev/zero of=/dev/full bs=1 count=1 2>&1; stat -c %t:%T /dev/null;
  touch /dev/new 2>&1')
expect_match "/dev/null takes writes" "null-ok" "$out"
expect_match "/dev/zero reads" "^4$" "$out"
expect_match "/dev/full is full" "No space left" "$out"
expect_match "/dev/null is the real device 1:3" "^1:3$" "$out"
expect_match "/dev itself is read-only" "touch: .*Read-only file system" "$out"
expect_eq "ptys come from a new devpts instance" /dev/pts/0 \
        "$(sb -- python3 -c 'import os; m, s = os.openpty(); print(os.ttyname(s))')"

# ---- kernel masks ----
# /proc/keys is world-readable: masked it is not, unmasked it is.
expect_eq "/proc/keys is masked" masked \
        "$(sb -- sh -c 'cat /proc/keys >/dev/null 2>&1 && echo readable || echo masked')"
p=$(profile unmask 'filesystem = { unmask = [ "/proc/keys", "/sys/firmware" ]; };')
expect_eq "unmask leaves /proc/keys readable" readable \
        "$(sb --profile="$p" -- sh -c 'cat /proc/keys >/dev/null 2>&1 && echo readable || echo masked')"
if [ -d /sys/firmware ]; then
        expect_eq "/sys/firmware is masked" masked \
                "$(sb -- sh -c 'ls /sys/firmware >/dev/null 2>&1 && echo readable || echo masked')"
        expect_eq "unmask leaves /sys/firmware readable" readable \
                "$(sb --profile="$p" -- sh -c 'ls /sys/firmware >/dev/null 2>&1 && echo readable || echo masked')"
else
        ok "# SKIP this kernel has no /sys/firmware"
        ok "# SKIP this kernel has no /sys/firmware"
fi
expect_match "/proc/sys is read-only" "^ro," \
        "$(sb -- awk '$5 == "/proc/sys" {print $6}' /proc/self/mountinfo)"
mkdir -p "$WORK/masked/sub"
echo secret-text >"$WORK/masked/secret"
echo sub-text >"$WORK/masked/sub/file"
chmod -R a+rX "$WORK/masked"
p=$(fs_profile masks host "$(bind_entry "$WORK/masked")" \
        "{ type = \"mask\"; target = \"$WORK/masked/secret\"; }" \
        "{ type = \"mask\"; target = \"$WORK/masked/sub\"; }")
out=$(sb --profile="$p" -- sh -c "cat $WORK/masked/secret $WORK/masked/sub/file 2>&1")
expect_match "a masked file is unreadable" "secret: Permission denied" "$out"
expect_match "a masked directory is unreadable" "sub/file: Permission denied" "$out"
if printf '%s' "$out" | grep -q -- '-text'; then
        not_ok "nothing of the masked content shows"
else
        ok "nothing of the masked content shows"
fi

# ---- errors ----
p=$(fs_profile missing host '{ type = "bind"; source = "/nonexistent-sb-test"; }')
err=$(sb --profile="$p" -- true 2>&1)
expect_eq "a missing source fails the setup" 125 $?
expect_match "naming the entry, its line and the reason" \
        "mount entry at .*missing.profile:4 \(bind /nonexistent-sb-test\): source '/nonexistent-sb-test': No such file or directory" "$err"
p=$(fs_profile optional host '{ type = "bind"; source = "/nonexistent-sb-test"; optional = true; }')
sb --profile="$p" -- true
expect_eq "optional = true skips a missing source" 0 $?
p=$(fs_profile relative host '{ type = "tmpfs"; target = "tmp/x"; }')
err=$(sb --profile="$p" -- true 2>&1)
expect_eq "a relative target is a profile error" 124 $?
expect_match "with file:line" "relative.profile:4: filesystem.mounts\[0\].target: 'tmp/x' is not an absolute path" "$err"
p=$(fs_profile dotdot host '{ type = "tmpfs"; target = "/tmp/../etc"; }')
expect_match "a '..' component is refused" "dotdot.profile:4: filesystem.mounts\[0\].target: '/tmp/../etc' must not contain '..'" \
        "$(sb --profile="$p" -- true 2>&1)"
p=$(fs_profile readonly-parent host '{ type = "tmpfs"; target = "/sb-no-such-dir"; }')
expect_match "a mount point in the read-only host tree cannot be made" \
        "make the mount point '/sb-no-such-dir': Read-only file system" \
        "$(sb --profile="$p" -- true 2>&1)"
absent_on_host "and none was made on the host" /sb-no-such-dir

# ---- overlay ----
mkdir -p "$WORK/low" "$WORK/upper"
echo lower >"$WORK/low/a"
chmod -R a+rX "$WORK/low"
chmod 777 "$WORK/upper"
p=$(fs_profile ovl host "{ type = \"overlay\"; source = \"$WORK/low\"; }")
out=$(sb --profile="$p" -- sh -c "echo new >$WORK/low/b && cat $WORK/low/a $WORK/low/b;
  rm $WORK/low/a && ls $WORK/low")
expect_eq "an overlay is writable over a read-only directory" "lower new b" "$(echo $out)"
absent_on_host "its writes do not reach the lower directory" "$WORK/low/b"
check "its deletions do not either" test -e "$WORK/low/a"
expect_eq "its writes vanish on exit" a "$(sb --profile="$p" -- ls "$WORK/low")"
p=$(fs_profile ovlup host "{ type = \"overlay\"; source = \"$WORK/low\"; upper = \"$WORK/upper\"; }")
sb --profile="$p" -- sh -c "echo kept >$WORK/low/b"
expect_eq "with upper, writes go to upper/upper" kept "$(cat "$WORK/upper/upper/b" 2>/dev/null)"
expect_eq "and show again next time" kept "$(sb --profile="$p" -- cat "$WORK/low/b")"

# ---- filesystem.home ----
expect_eq "a private home is empty" 0 \
        "$(sb --profile="$(profile home1 'filesystem = { home = { private = true; }; };')" \
                -- sh -c "ls -A '$PASSWD_HOME' | wc -l")"
if [ "$TEST_AS" = user ]; then
        mkdir -p "$TEST_HOME/proj" "$TEST_HOME/other"
        echo cfg >"$TEST_HOME/.cfg"
        chown -R "$TEST_USER:" "$TEST_HOME"
        p=$(profile home2 'filesystem = { home = { private = true; writable = [ "proj", "missing" ];
  readonly = [ ".cfg" ]; }; };')
        out=$(sb --profile="$p" -- sh -c 'ls -A "$HOME" | tr "\n" " "; echo; echo w >"$HOME/proj/new";
  echo x 2>&1 >"$HOME/.cfg"')
        expect_match "only the listed entries show" "^\.cfg proj $" "$(printf '%s\n' "$out" | head -n1)"
        expect_eq "a writable entry writes through" w "$(cat "$TEST_HOME/proj/new" 2>/dev/null)"
        expect_match "a read-only entry refuses writes" "Read-only file system" "$out"
        expect_match "the verbose log shows the expansion" \
                "mount: bind $TEST_HOME/proj \\[filesystem.home at .*home2.profile:[0-9]+\\]" \
                "$(sb -v --profile="$p" -- true 2>&1)"
else
        # root's ${HOME} is the real /root, where no test writes.
        ok "# SKIP home entries need a home the test may write to (user mode)"
        ok "# SKIP home entries need a home the test may write to (user mode)"
        ok "# SKIP home entries need a home the test may write to (user mode)"
        ok "# SKIP home entries need a home the test may write to (user mode)"
fi

done_testing
