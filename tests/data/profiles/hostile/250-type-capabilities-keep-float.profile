# expect: 250-type-capabilities-keep-float.profile:2
capabilities = { keep = 1.5; };
