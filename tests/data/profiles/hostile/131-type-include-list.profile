# expect: 131-type-include-list.profile:2
include = ( "s" );
