# expect: cgroup-swap-needs-memory.profile:2: cgroup.memory_swap: needs cgroup.memory
cgroup = { memory_swap = "1G"; };
