# expect: 171-type-environment-set-bool.profile:2
environment = { set = true; };
