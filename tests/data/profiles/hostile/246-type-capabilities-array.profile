# expect: 246-type-capabilities-array.profile:2
capabilities = [ "s" ];
