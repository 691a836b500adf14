# expect: 082-namespace-twice.profile:2
namespaces = [ "user", "user" ];
