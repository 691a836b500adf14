# expect: 133-type-namespaces-int64.profile:2
namespaces = 5L;
