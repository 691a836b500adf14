# expect: 241-type-capabilities-int.profile:2
capabilities = 5;
