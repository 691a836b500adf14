# expect: cgroup-pids-negative.profile:2: cgroup.pids: must not be negative
cgroup = { pids = -1; };
