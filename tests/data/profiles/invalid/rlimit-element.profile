# expect: rlimit-element.profile:2: rlimits.nofile[1]: 'x': expected a number or "unlimited"
rlimits = { nofile = ( 1, "x" ); };
