# expect: 135-type-namespaces-string.profile:2
namespaces = "s";
