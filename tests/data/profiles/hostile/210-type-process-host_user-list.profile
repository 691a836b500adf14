# expect: 210-type-process-host_user-list.profile:2
process = { host_user = ( "s" ); };
