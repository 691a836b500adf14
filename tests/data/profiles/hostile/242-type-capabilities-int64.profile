# expect: 242-type-capabilities-int64.profile:2
capabilities = 5L;
