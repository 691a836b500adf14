# expect: 244-type-capabilities-string.profile:2
capabilities = "s";
