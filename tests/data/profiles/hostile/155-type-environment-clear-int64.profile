# expect: 155-type-environment-clear-int64.profile:2
environment = { clear = 5L; };
