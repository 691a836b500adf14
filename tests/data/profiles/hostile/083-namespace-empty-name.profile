# expect: 083-namespace-empty-name.profile:2
namespaces = [ "" ];
