# expect: 081-namespace-unknown.profile:2
namespaces = [ "usr" ];
