# Helpers of the filesystem-view tests, on top of lib.sh.

# make_rootfs DIR: a minimal root filesystem from Debian's busybox-static
# (statically linked, so nothing else of the host is needed in it).
make_rootfs() {
        local dir=$1 bb a
        bb=$(command -v busybox) || return 1
        mkdir -p "$dir/bin" "$dir/proc" "$dir/dev" "$dir/tmp" "$dir/etc" "$dir/sys"
        cp "$bb" "$dir/bin/busybox"
        for a in sh ls cat echo id touch mkdir grep wc head sort stat df \
                readlink awk sed tr cut test true false rm env sleep; do
                ln -s busybox "$dir/bin/$a"
        done
        echo "rootfs-marker" >"$dir/etc/marker"
        chmod -R a+rX "$dir"
}

command -v busybox >/dev/null || skip_all "busybox (busybox-static) is not installed"

# bind_entry SOURCE [MORE KEYS]: one filesystem.mounts entry binding SOURCE.
bind_entry() {
        printf '{ type = "bind"; source = "%s"; %s }' "$1" "${2:-}"
}

# fs_profile NAME ROOT ENTRIES...: a profile with filesystem.root = ROOT
# and the given mount entries, in order.
fs_profile() {
        local name=$1 root=$2 body="" e
        shift 2
        for e in "$@"; do
                body="$body${body:+,
    }$e"
        done
        profile "$name" "filesystem = {
  root = \"$root\";
  mounts = (
    $body
  );
};"
}

# The usual way to make an empty root able to run programs: /usr from
# the host and the merged-/usr links.
USR_ENTRIES=(
        '{ type = "bind"; source = "/usr"; }'
        '{ type = "symlink"; source = "usr/bin"; target = "/bin"; }'
        '{ type = "symlink"; source = "usr/sbin"; target = "/sbin"; }'
        '{ type = "symlink"; source = "usr/lib"; target = "/lib"; }'
        '{ type = "symlink"; source = "usr/lib64"; target = "/lib64"; }'
)

# How many mounts of the sandbox's own mountinfo have "/" as mount point:
# exactly one once the old root is detached. (grep: in an empty root awk
# is a link into the host's /etc/alternatives, which is not there.)
ROOT_MOUNTS="grep -cE '^[0-9]+ [0-9]+ [0-9:]+ [^ ]+ / ' /proc/self/mountinfo"

# not_host_visible DESCRIPTION PATH: PATH does not exist on the host.
absent_on_host() {
        check "$1" test ! -e "$2"
}
