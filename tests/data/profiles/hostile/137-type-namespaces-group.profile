# expect: 137-type-namespaces-group.profile:2
namespaces = { };
