# expect: rlimit-size-suffix.profile:2: rlimits.nofile: '1K': nofile is not a size in bytes
rlimits = { nofile = "1K"; };
