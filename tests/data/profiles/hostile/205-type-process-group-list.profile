# expect: 205-type-process-group-list.profile:2
process = { group = ( "s" ); };
