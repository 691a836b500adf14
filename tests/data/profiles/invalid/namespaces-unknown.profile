# expect: namespaces-unknown.profile:2: namespaces[1]: unknown namespace 'nett' (did you mean 'net'?)
namespaces = [ "user", "nett" ];
