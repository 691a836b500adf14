# expect: cgroup-memory-type.profile:2: cgroup.memory: expected an integer or a string, got a number
cgroup = { memory = 1.5; };
