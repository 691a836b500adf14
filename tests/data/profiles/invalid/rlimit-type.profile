# expect: rlimit-type.profile:2: rlimits.nofile: expected an integer, a string or an array, got a boolean
rlimits = { nofile = true; };
