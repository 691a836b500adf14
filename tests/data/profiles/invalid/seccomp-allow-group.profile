# expect: seccomp-allow-group.profile:2: seccomp.allow[0]: unknown group '@debugg' (did you mean '@debug'?)
seccomp = { allow = [ "@debugg" ]; };
