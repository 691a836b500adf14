# expect: 161-type-environment-keep-int.profile:2
environment = { keep = 5; };
