# expect: 132-type-namespaces-int.profile:2
namespaces = 5;
