# expect: 044-rlimit-size-on-count.profile:2
rlimits = { nproc = "4G"; };
