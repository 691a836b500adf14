# expect: namespaces-element-type.profile:2: namespaces[1]: expected a string, got an integer
namespaces = ( "user", 1 );
