# expect: 249-type-capabilities-keep-int64.profile:2
capabilities = { keep = 5L; };
