# expect: 186-type-rlimits-nofile-list.profile:2
rlimits = { nofile = ( "s" ); };
