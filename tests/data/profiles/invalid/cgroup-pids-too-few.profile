# expect: cgroup-pids-too-few.profile:2: cgroup.pids: must be at least 2 (the sandbox's init counts as one)
cgroup = { pids = 1; };
