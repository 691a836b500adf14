# expect: 173-type-environment-set-list.profile:2
environment = { set = ( "s" ); };
