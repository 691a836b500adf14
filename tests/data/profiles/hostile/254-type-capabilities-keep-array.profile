# expect: 254-type-capabilities-keep-array.profile:2
capabilities = { keep = [ "s" ]; };
