# The supported part of the example in PROFILE.md.
description = "Short text shown by `sandbox profile show`";
namespaces = [ "user", "mount", "pid", "uts", "ipc", "net", "cgroup" ];
hostname   = "sandbox";
capabilities = { keep = [ ]; };
rlimits = { nofile = [ 1024, 4096 ]; nproc = 512; core = 0; as = "4G"; };
environment = { clear = true; keep = [ "TERM", "LANG" ]; set = { PATH = "/usr/bin:/bin"; }; };
process = { user = "nobody"; cwd = "/"; umask = "022"; new_session = true; die_with_parent = true; };
