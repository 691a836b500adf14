# expect: cgroup-pids-too-many.profile:2: cgroup.pids: 5000000 is out of range (2 to 4194304)
cgroup = { pids = 5000000; };
