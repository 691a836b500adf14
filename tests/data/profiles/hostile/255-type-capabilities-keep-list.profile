# expect: 255-type-capabilities-keep-list.profile:2
capabilities = { keep = ( "s" ); };
