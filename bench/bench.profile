# The benchmark's profile: the isolation bwrap and unshare are given in
# bench/run, as far as sandbox offers it today.
# TODO(filesystem): when the filesystem feature lands, add the host root
# read-only with a new /proc and a minimal /dev, e.g.
#   filesystem = { root = "host"; mounts = ( { type = "proc"; target = "/proc"; },
#                                             { type = "dev"; target = "/dev"; } ); };
# so that "bwrap, as specified" is the equal comparison.
description = "Benchmark: the namespaces, session and capabilities of bwrap's flags";
namespaces = [ "user", "mount", "pid", "uts", "ipc", "net", "cgroup" ];
process = { new_session = true; die_with_parent = true; };
capabilities = { keep = [ ]; };
