# expect: cgroup-caps-sys-admin.profile:2: capabilities.keep: 'sys_admin' cannot be kept in a sandbox with a cgroup (it could mount cgroupfs and raise its own limits)
capabilities = { keep = [ "chown", "CAP_SYS_ADMIN" ]; };
cgroup = { };
