# expect: 048-rlimit-word.profile:2
rlimits = { nofile = "infinite"; };
