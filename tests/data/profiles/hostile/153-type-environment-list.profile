# expect: 153-type-environment-list.profile:2
environment = ( "s" );
