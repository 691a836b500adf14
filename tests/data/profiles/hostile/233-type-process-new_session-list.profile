# expect: 233-type-process-new_session-list.profile:2
process = { new_session = ( "s" ); };
