# expect: 149-type-environment-float.profile:2
environment = 1.5;
