# expect: 248-type-capabilities-keep-int.profile:2
capabilities = { keep = 5; };
