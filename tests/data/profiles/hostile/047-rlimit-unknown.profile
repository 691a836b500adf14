# expect: 047-rlimit-unknown.profile:2
rlimits = { nofiles = 5; };
