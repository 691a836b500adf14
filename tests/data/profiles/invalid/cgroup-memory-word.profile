# expect: cgroup-memory-word.profile:2: cgroup.memory: 'lots' is not a size like "512M"
cgroup = { memory = "lots"; };
