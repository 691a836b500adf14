# expect: 269-later-cgroup-268.profile:2
cgroup = 5;
