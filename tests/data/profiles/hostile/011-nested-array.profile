# expect: 011-nested-array.profile:2
namespaces = [ [ "user" ] ];
