# expect: 252-type-capabilities-keep-bool.profile:2
capabilities = { keep = true; };
