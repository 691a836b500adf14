# expect: cgroup-pids-type.profile:2: cgroup.pids: expected an integer, got a string
cgroup = { pids = "256"; };
