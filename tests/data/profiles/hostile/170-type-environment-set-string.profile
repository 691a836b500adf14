# expect: 170-type-environment-set-string.profile:2
environment = { set = "s"; };
