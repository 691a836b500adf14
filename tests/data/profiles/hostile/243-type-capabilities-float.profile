# expect: 243-type-capabilities-float.profile:2
capabilities = 1.5;
