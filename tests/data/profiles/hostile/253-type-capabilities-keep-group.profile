# expect: 253-type-capabilities-keep-group.profile:2
capabilities = { keep = { }; };
