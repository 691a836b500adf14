# expect: 226-type-process-umask-list.profile:2
process = { umask = ( "s" ); };
