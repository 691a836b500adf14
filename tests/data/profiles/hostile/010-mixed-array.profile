# expect: 010-mixed-array.profile:2
namespaces = [ "user", 5 ];
