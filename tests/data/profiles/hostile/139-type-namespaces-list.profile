# expect: 139-type-namespaces-list.profile:2
namespaces = ( "s" );
