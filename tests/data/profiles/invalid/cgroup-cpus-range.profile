# expect: cgroup-cpus-range.profile:2: cgroup.cpus: must be from 0.01 to 4096 CPUs
cgroup = { cpus = 0.001; };
