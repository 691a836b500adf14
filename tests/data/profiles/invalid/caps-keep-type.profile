# expect: caps-keep-type.profile:2: capabilities.keep: expected an array, got a string
capabilities = { keep = "chown"; };
