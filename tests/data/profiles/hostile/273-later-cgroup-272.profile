# expect: 273-later-cgroup-272.profile:2
cgroup = { bogus_key_x = 1; };
