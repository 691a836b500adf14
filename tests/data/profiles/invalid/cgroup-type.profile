# expect: cgroup-type.profile:2: cgroup: expected a group, got an integer
cgroup = 5;
