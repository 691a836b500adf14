# expect: 136-type-namespaces-bool.profile:2
namespaces = true;
