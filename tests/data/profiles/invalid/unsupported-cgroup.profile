# expect: unsupported-cgroup.profile:2: cgroup: not supported yet
cgroup = { pids = 256; };
