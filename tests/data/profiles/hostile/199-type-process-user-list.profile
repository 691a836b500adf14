# expect: 199-type-process-user-list.profile:2
process = { user = ( "s" ); };
