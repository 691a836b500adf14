# expect: caps-duplicate.profile:2: capabilities.keep[1]: 'CAP_CHOWN' listed twice
capabilities = { keep = [ "chown", "CAP_CHOWN" ]; };
