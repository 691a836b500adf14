# expect: namespaces-type.profile:2: namespaces: expected an array, got a string
namespaces = "user";
