# expect: caps-unknown.profile:2: capabilities.keep[0]: unknown capability 'net_bind_servce' (did you mean 'net_bind_service'?)
capabilities = { keep = [ "net_bind_servce" ]; };
