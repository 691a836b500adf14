# expect: rlimit-unknown.profile:2: rlimits.nofiles: unknown key (did you mean 'nofile'?)
rlimits = { nofiles = 1024; };
