# Host paths a sandbox could shape in an earlier run: a bind source, an
# overlay layer or a root directory below a tree the sandbox may write
# to. Run 1 replaces a directory with a symlink to a tree the profile
# hides; run 2 must refuse the entry, naming it and the link, rather
# than mount the hidden tree (SECURITY.md, item 4). System links that
# only root can have made (/lib -> usr/lib) are still followed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-fs.sh"

# A home-like tree owned by the sandbox's host user, hidden under a tmpfs
# except for the entries the profiles bind.
H="$WORK/h"
reset_tree() {
        rm -rf "$H"
        mkdir -p "$H/proj/.git/hooks" "$H/proj/build/cache" \
                "$H/proj/low" "$H/proj/up" "$H/proj/rootfs" "$H/.ssh" \
                "$H/cache"
        echo hook >"$H/proj/.git/hooks/pre-commit"
        echo secret-key >"$H/.ssh/id_rsa"
        echo secret-key >"$H/cache/id_rsa"
        echo original >"$H/.bashrc"
        chmod -R a+rX "$H"
        chown -R "$HOST_UID" "$H"
}

hide="{ type = \"tmpfs\"; target = \"$H\"; mode = \"0700\"; }"
proj_rw=$(bind_entry "$H/proj" 'readonly = false;')
# Run 1's profile: the project writable, the rest of the tree hidden.
p1=$(fs_profile run1 host "$hide" "$proj_rw")

# refused NAME PROFILE LINE SOURCE_KIND PATH LINK CMD: run 2 fails, names
# the entry (PROFILE:LINE), the path and the link, and shows nothing of
# the hidden tree.
refused() {
        local name=$1 prof=$2 line=$3 kind=$4 path=$5 link=$6 out rc
        shift 6
        out=$(sb --profile="$prof" -- "$@" 2>&1)
        rc=$?
        expect_eq "$name: run 2 fails the setup" 125 "$rc"
        expect_match "$name: naming the entry and the link" \
                "$(basename "$prof"):$line .*: $kind '$path': component '$link' is a symlink owned by uid $HOST_UID; refusing to follow it" \
                "$out"
        if printf '%s' "$out" | grep -q -e secret-key -e id_rsa; then
                not_ok "$name: nothing of the hidden tree shows"
        else
                ok "$name: nothing of the hidden tree shows"
        fi
}

# planted DESCRIPTION LINK: run 1 did leave a symlink on the host (else
# run 2's refusal would prove nothing).
planted() {
        check "$1" test -L "$2"
}

# ---- a read-only entry below a writable one ----
reset_tree
pa=$(fs_profile nested-ro host "$hide" "$proj_rw" \
        "$(bind_entry "$H/proj/.git/hooks")")
expect_eq "run 1 sees the read-only entry" hook \
        "$(sb --profile="$pa" -- cat "$H/proj/.git/hooks/pre-commit")"
sb --profile="$pa" -- sh -c "cd '$H/proj' && mv .git .git.old && mkdir .git &&
  ln -s '$H' .git/hooks"
planted "run 1 replaced .git by a directory holding a link" "$H/proj/.git/hooks"
refused "read-only entry" "$pa" 6 source "$H/proj/.git/hooks" \
        "$H/proj/.git/hooks" cat "$H/proj/.git/hooks/.ssh/id_rsa"

# ---- a writable entry below a writable one ----
reset_tree
pb=$(fs_profile nested-rw host "$hide" "$proj_rw" \
        "$(bind_entry "$H/proj/build/cache" 'readonly = false;')")
sb --profile="$pb" -- sh -c "cd '$H/proj' && mv build build.old && mkdir build &&
  ln -s '$H' build/cache"
planted "run 1 replaced build/cache by a link" "$H/proj/build/cache"
refused "writable entry" "$pb" 6 source "$H/proj/build/cache" \
        "$H/proj/build/cache" sh -c "echo appended >>'$H/proj/build/cache/.bashrc'"
expect_eq "the host's .bashrc is untouched" original "$(cat "$H/.bashrc")"

# ---- a link as a parent component ----
reset_tree
sb --profile="$p1" -- sh -c "cd '$H/proj' && mv build build.old && ln -s '$H' build"
planted "run 1 replaced the parent directory by a link" "$H/proj/build"
refused "parent component" "$pb" 6 source "$H/proj/build/cache" \
        "$H/proj/build" cat "$H/proj/build/cache/id_rsa"

# ---- overlay layers ----
reset_tree
po=$(fs_profile ovl host "$hide" "$proj_rw" \
        "{ type = \"overlay\"; source = \"$H/proj/low\"; upper = \"$H/proj/up\"; target = \"/tmp/o\"; }")
sb --profile="$p1" -- sh -c "cd '$H/proj' && rmdir low && ln -s '$H' low"
planted "run 1 replaced the lower directory by a link" "$H/proj/low"
refused "overlay source" "$po" 6 source "$H/proj/low" "$H/proj/low" \
        cat /tmp/o/.ssh/id_rsa
reset_tree
sb --profile="$p1" -- sh -c "cd '$H/proj' && rmdir up && ln -s '$H' up"
planted "run 1 replaced the upper directory by a link" "$H/proj/up"
refused "overlay upper" "$po" 6 upper "$H/proj/up" "$H/proj/up" \
        cat /tmp/o/.ssh/id_rsa

# ---- a root directory ----
reset_tree
sb --profile="$p1" -- sh -c "cd '$H/proj' && rmdir rootfs && ln -s '$H' rootfs"
planted "run 1 replaced the root directory by a link" "$H/proj/rootfs"
pr=$(profile rootdir "filesystem = { root = \"$H/proj/rootfs\"; };")
out=$(sb --profile="$pr" -- /bin/cat /.ssh/id_rsa 2>&1)
expect_eq "a root directory behind a planted link fails the setup" 125 $?
expect_match "naming filesystem.root and the link" \
        "filesystem.root at .*rootdir.profile:1: root '$H/proj/rootfs': component '$H/proj/rootfs' is a symlink owned by uid $HOST_UID" \
        "$out"

# ---- filesystem.home, as reported ----
if [ "$TEST_AS" = user ]; then
        home_tree() {
                rm -rf "${TEST_HOME:?}"/* "$TEST_HOME"/.[!.]*
                mkdir -p "$TEST_HOME/proj/.git/hooks" "$TEST_HOME/proj/build/cache" \
                        "$TEST_HOME/.ssh"
                echo secret-key >"$TEST_HOME/.ssh/id_rsa"
                echo original >"$TEST_HOME/.bashrc"
                chown -R "$TEST_USER:" "$TEST_HOME"
        }
        home_tree
        ph=$(profile home-ro 'filesystem = { home = { private = true;
  writable = [ "proj" ]; readonly = [ "proj/.git/hooks" ]; }; };')
        sb --profile="$ph" -- sh -c 'cd "$HOME/proj" && mv .git .git.old && mkdir .git &&
  ln -s "$HOME" .git/hooks'
        planted "home: run 1 planted .git/hooks" "$TEST_HOME/proj/.git/hooks"
        out=$(sb --profile="$ph" -- sh -c 'cat "$HOME/proj/.git/hooks/.ssh/id_rsa"' 2>&1)
        expect_eq "home: run 2 fails the setup" 125 $?
        expect_match "home: naming filesystem.home and the link" \
                "filesystem.home at .*home-ro.profile:[0-9]+ \(bind $TEST_HOME/proj/.git/hooks\): source '$TEST_HOME/proj/.git/hooks': component '$TEST_HOME/proj/.git/hooks' is a symlink owned by uid $TEST_UID; refusing to follow it" \
                "$out"
        if printf '%s' "$out" | grep -q secret-key; then
                not_ok "home: the key does not show"
        else
                ok "home: the key does not show"
        fi
        home_tree
        pw=$(profile home-rw 'filesystem = { home = { private = true;
  writable = [ "proj", "proj/build/cache" ]; }; };')
        sb --profile="$pw" -- sh -c 'cd "$HOME/proj" && mv build build.old && mkdir build &&
  ln -s "$HOME" build/cache'
        planted "home: run 1 planted build/cache" "$TEST_HOME/proj/build/cache"
        sb --profile="$pw" -- sh -c 'echo appended >>"$HOME/proj/build/cache/.bashrc"' 2>/dev/null
        expect_eq "home: run 2 with a writable entry fails the setup" 125 $?
        expect_eq "home: the real .bashrc is untouched" original "$(cat "$TEST_HOME/.bashrc")"
else
        for _ in 1 2 3 4 5 6 7; do
                ok "# SKIP filesystem.home needs a home the test may write to (user mode)"
        done
fi

# ---- system links are still followed ----
if [ -L /lib ] && [ "$(stat -c %u /lib)" = 0 ]; then
        pl=$(fs_profile syslink host "$(bind_entry /lib 'target = "/tmp/l";')")
        expect_eq "a root-owned system link (/lib) is followed" \
                "$(ls /lib/ | head -n3 | tr '\n' ' ')" \
                "$(sb --profile="$pl" -- ls /tmp/l/ | head -n3 | tr '\n' ' ')"
else
        ok "# SKIP /lib is not a root-owned symlink here"
fi

done_testing
