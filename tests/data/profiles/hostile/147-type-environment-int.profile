# expect: 147-type-environment-int.profile:2
environment = 5;
