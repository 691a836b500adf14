# expect: 169-type-environment-set-float.profile:2
environment = { set = 1.5; };
