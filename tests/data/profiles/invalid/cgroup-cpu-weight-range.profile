# expect: cgroup-cpu-weight-range.profile:2: cgroup.cpu_weight: 0 is out of range (1 to 10000)
cgroup = { cpu_weight = 0; };
