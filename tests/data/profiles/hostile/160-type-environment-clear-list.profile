# expect: 160-type-environment-clear-list.profile:2
environment = { clear = ( "s" ); };
