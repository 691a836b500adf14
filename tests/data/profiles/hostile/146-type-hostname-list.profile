# expect: 146-type-hostname-list.profile:2
hostname = ( "s" );
