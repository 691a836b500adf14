# expect: 245-type-capabilities-bool.profile:2
capabilities = true;
