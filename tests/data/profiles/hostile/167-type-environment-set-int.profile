# expect: 167-type-environment-set-int.profile:2
environment = { set = 5; };
