# expect: 247-type-capabilities-list.profile:2
capabilities = ( "s" );
