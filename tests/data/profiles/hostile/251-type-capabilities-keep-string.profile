# expect: 251-type-capabilities-keep-string.profile:2
capabilities = { keep = "s"; };
