# expect: 193-type-process-list.profile:2
process = ( "s" );
