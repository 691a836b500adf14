# expect: 086-cap-twice.profile:2
capabilities = { keep = [ "chown", "CAP_CHOWN" ]; };
