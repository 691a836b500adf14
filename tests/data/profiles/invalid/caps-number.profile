# expect: caps-number.profile:2: capabilities.keep[0]: unknown capability '12'
capabilities = { keep = [ "12" ]; };
