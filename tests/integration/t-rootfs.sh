# The filesystem view with root = "empty" (a tmpfs holding only what the
# mount list makes) and root = a directory (a busybox root filesystem
# this test builds), and targets that try to lead out of the new root
# through symlinks.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-fs.sh"

mkdir -p "$WORK/shared"
echo shared-content >"$WORK/shared/file"
chmod -R a+rX "$WORK/shared"
mkdir -p "$WORK/rw"
chmod 777 "$WORK/rw"

# ---- root = "empty" ----
p=$(fs_profile empty empty "${USR_ENTRIES[@]}" \
        "$(bind_entry "$WORK/shared" 'target = "/shared";')" \
        "$(bind_entry "$WORK/rw" 'target = "/rw"; readonly = false;')" \
        '{ type = "tmpfs"; target = "/scratch"; }')
expect_eq "an empty root holds only what the list makes, and the defaults" \
        "bin dev lib lib64 proc rw sbin scratch shared tmp usr" \
        "$(sb --profile="$p" -- ls / | tr '\n' ' ' | sed 's/ $//')"
out=$(sb --profile="$p" -- sh -c 'cat /shared/file; echo x 2>&1 >/shared/new;
  echo through >/rw/new; echo s >/scratch/f && cat /scratch/f; touch /newfile 2>&1;
  test -e /etc/os-release || echo no-etc')
expect_match "a read-only bind shows the host's file" "^shared-content$" "$out"
expect_match "a read-only bind refuses writes" "/shared/new: Read-only file system" "$out"
expect_eq "a read-write bind writes through" through "$(cat "$WORK/rw/new" 2>/dev/null)"
rm -f "$WORK/rw/new"
expect_match "a tmpfs is writable" "^s$" "$out"
expect_match "the empty root itself is read-only" "/newfile'?: Read-only file system" "$out"
expect_match "host files outside the view are invisible" "^no-etc$" "$out"
expect_eq "the old root is gone from mountinfo" 1 \
        "$(sb --profile="$p" -- sh -c "$ROOT_MOUNTS")"
want=$(printf '%s\n' fd ptmx pts shm stderr stdin stdout null zero full random urandom tty |
        sort | tr '\n' ' ')
expect_eq "/dev holds the default devices and the basics" "$want" \
        "$(sb --profile="$p" -- sh -c 'ls -A /dev | sort | tr "\n" " "')"
expect_eq "/proc/keys is masked" masked \
        "$(sb --profile="$p" -- sh -c 'cat /proc/keys >/dev/null 2>&1 && echo readable || echo masked')"
p2=$(fs_profile emptyovl empty "${USR_ENTRIES[@]}" \
        "{ type = \"overlay\"; source = \"$WORK/shared\"; target = \"/o\"; }")
expect_eq "an overlay in an empty root takes writes" "shared-content new" \
        "$(sb --profile="$p2" -- sh -c 'echo new >/o/b && cat /o/file /o/b' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "and they vanish on exit" file "$(sb --profile="$p2" -- ls /o)"
absent_on_host "and never reach the host" "$WORK/shared/b"

# ---- root = a directory ----
rootfs="$WORK/rootfs"
make_rootfs "$rootfs"
p=$(profile dirroot "filesystem = { root = \"$rootfs\"; };")
out=$(sb --profile="$p" -- sh -c 'cat /etc/marker; test -e /usr || echo no-usr;
  touch /newfile 2>&1; echo t >/tmp/t && cat /tmp/t')
expect_match "a root directory is the sandbox's /" "^rootfs-marker$" "$out"
expect_match "host files outside it are invisible" "^no-usr$" "$out"
expect_match "it is read-only" "/newfile'?: Read-only file system" "$out"
expect_match "the default /tmp is a writable tmpfs" "^t$" "$out"
absent_on_host "nothing was written to the root directory" "$rootfs/newfile"
absent_on_host "nor to its /tmp" "$rootfs/tmp/t"
expect_eq "the old root is gone from mountinfo" 1 \
        "$(sb --profile="$p" -- sh -c "$ROOT_MOUNTS")"
expect_eq "/proc shows the sandbox's pid namespace" "/proc/1 /proc/2" \
        "$(sb --profile="$p" -- sh -c 'echo /proc/[0-9]*')"
p=$(profile dirdev "filesystem = { root = \"$rootfs\"; };
devices = [ \"null\", \"zero\" ];")
want=$(printf '%s\n' fd ptmx pts shm stderr stdin stdout null zero | sort | tr '\n' ' ')
expect_eq "/dev holds exactly the listed devices and the basics" "$want" \
        "$(sb --profile="$p" -- sh -c 'ls -A /dev | sort | tr "\n" " "')"
p=$(profile dirbind "filesystem = { root = \"$rootfs\";
  mounts = ( { type = \"bind\"; source = \"$WORK/rw\"; target = \"/tmp/rw\"; readonly = false; } ); };")
sb --profile="$p" -- sh -c 'echo via-rootfs >/tmp/rw/new'
expect_eq "a read-write bind into a root directory writes through" via-rootfs \
        "$(cat "$WORK/rw/new" 2>/dev/null)"
rm -f "$WORK/rw/new"
# Defaults whose mount point the root directory lacks are skipped.
bare="$WORK/bare"
make_rootfs "$bare"
rmdir "$bare/tmp" "$bare/proc"
p=$(profile bare "filesystem = { root = \"$bare\"; };")
expect_eq "a root directory without /tmp and /proc still runs" rootfs-marker \
        "$(sb --profile="$p" -- cat /etc/marker)"
p=$(profile noroot 'filesystem = { root = "/nonexistent-sb-root"; };')
err=$(sb --profile="$p" -- true 2>&1)
expect_eq "a missing root directory fails the setup" 125 $?
expect_match "naming filesystem.root and its line" \
        "filesystem.root at .*noroot.profile:1: '/nonexistent-sb-root': No such file or directory" "$err"

# ---- symlinks out of the new root ----
# A directory the sandbox binds read-write holds links to a host
# directory, one absolute, one climbing with "..". A target through them
# must stay inside the new root: a launcher that followed them in the
# host's view would make "made" and "planted" in $WORK/victim.
mkdir -p "$WORK/esc" "$WORK/victim"
ln -s "$WORK/victim" "$WORK/esc/abs"
ln -s "../../../../../../../../..$WORK/victim" "$WORK/esc/rel"
chmod 777 "$WORK/esc" "$WORK/victim"
p=$(fs_profile escape empty "${USR_ENTRIES[@]}" \
        "$(bind_entry "$WORK/esc" 'target = "/esc"; readonly = false;')" \
        "{ type = \"dir\"; target = \"$WORK/victim\"; }" \
        '{ type = "tmpfs"; target = "/esc/abs"; }' \
        '{ type = "file"; target = "/esc/abs/planted"; content = "x"; }' \
        '{ type = "dir"; target = "/esc/rel/made"; }')
out=$(sb --profile="$p" -- sh -c "ls -A $WORK/victim | tr '\n' ' '; echo;
  readlink /esc/abs; grep ' $WORK/victim ' /proc/self/mountinfo | sed 's/.* - \([^ ]*\) .*/\1/'")
rc=$?
expect_eq "targets through symlinks are followed inside the new root" 0 $rc
expect_match "what they made is inside the sandbox" "^made planted $" "$out"
expect_match "the links themselves are untouched" "^$WORK/victim$" "$out"
expect_match "the tmpfs landed inside the new root" "^tmpfs$" "$out"
expect_eq "nothing was made in the host's directory" "" "$(ls -A "$WORK/victim")"
if grep -q " $WORK/victim " /proc/self/mountinfo; then
        not_ok "nothing was mounted on the host's directory"
else
        ok "nothing was mounted on the host's directory"
fi
# A link that leads nowhere inside the new root is not followed out of it
# either: making a mount point through it fails instead.
p=$(fs_profile dangling empty "${USR_ENTRIES[@]}" \
        "$(bind_entry "$WORK/esc" 'target = "/esc"; readonly = false;')" \
        '{ type = "dir"; target = "/esc/abs/made"; }')
err=$(sb --profile="$p" -- true 2>&1)
expect_eq "a dangling link on the way fails the setup" 125 $?
expect_match "naming the entry" "dangling.profile:[0-9]+ \(dir /esc/abs/made\)" "$err"
expect_eq "and nothing was made in the host's directory" "" "$(ls -A "$WORK/victim")"

# network.dns and network.hosts are laid over the view's own files, never
# made: an empty root has no /etc/resolv.conf, so a profile that asks for
# one fails naming the key's line, and the defaults are left out (above:
# no /etc in the listing).
p=$(fs_profile nodnsfile empty "${USR_ENTRIES[@]}")
printf 'network = {\n  dns = [ "10.0.3.1" ]; };\n' >>"$p"
err=$(sb --profile="$p" -- true 2>&1)
expect_eq "dns without a resolv.conf in the view fails the setup" 125 $?
expect_match "naming the key and its line" \
        "nodnsfile.profile:[0-9]+: network.dns \(file /etc/resolv.conf\): its filesystem view has no file there" \
        "$err"
# Over a file a profile laid there itself, and read-only.
p=$(fs_profile dnsfile empty "${USR_ENTRIES[@]}" \
        '{ type = "file"; target = "/etc/resolv.conf"; content = "x"; readonly = false; }')
printf 'network = {\n  dns = [ "10.0.3.1" ]; };\n' >>"$p"
out=$(sb --profile="$p" -- sh -c 'grep nameserver /etc/resolv.conf; echo y 2>&1 >>/etc/resolv.conf')
expect_match "dns: laid over the profile's own file" "^nameserver 10.0.3.1$" "$out"
expect_match "and read-only" "resolv.conf: Read-only file system" "$out"

done_testing
