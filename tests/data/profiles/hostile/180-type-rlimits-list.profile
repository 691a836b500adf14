# expect: 180-type-rlimits-list.profile:2
rlimits = ( "s" );
