# expect: cgroup-memory-range.profile:2: cgroup.memory: '8388608T' is out of range
cgroup = { memory = "8388608T"; };
