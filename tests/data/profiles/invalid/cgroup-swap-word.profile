# expect: cgroup-swap-word.profile:2: cgroup.memory_swap: 'none' is not a size like "512M" or "unlimited"
cgroup = { memory = "1G"; memory_swap = "none"; };
