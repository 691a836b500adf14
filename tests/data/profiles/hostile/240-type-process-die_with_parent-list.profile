# expect: 240-type-process-die_with_parent-list.profile:2
process = { die_with_parent = ( "s" ); };
