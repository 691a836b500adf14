# expect: cgroup-io-weight-range.profile:2: cgroup.io_weight: 10001 is out of range (1 to 10000)
cgroup = { io_weight = 10001; };
