# expect: 168-type-environment-set-int64.profile:2
environment = { set = 5L; };
