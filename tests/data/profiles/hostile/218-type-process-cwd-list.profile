# expect: 218-type-process-cwd-list.profile:2
process = { cwd = ( "s" ); };
