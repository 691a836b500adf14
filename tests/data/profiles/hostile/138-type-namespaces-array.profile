# expect: 138-type-namespaces-array.profile:2
namespaces = [ "s" ];
