# expect: 156-type-environment-clear-float.profile:2
environment = { clear = 1.5; };
