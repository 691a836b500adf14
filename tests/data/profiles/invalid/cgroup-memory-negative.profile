# expect: cgroup-memory-negative.profile:2: cgroup.memory: must not be negative
cgroup = { memory = -5; };
