# expect: cgroup-memory-zero.profile:2: cgroup.memory: must be above 0 (leave it out for no limit)
cgroup = { memory = 0; };
