# expect: 134-type-namespaces-float.profile:2
namespaces = 1.5;
