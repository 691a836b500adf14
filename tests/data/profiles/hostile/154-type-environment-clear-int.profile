# expect: 154-type-environment-clear-int.profile:2
environment = { clear = 5; };
