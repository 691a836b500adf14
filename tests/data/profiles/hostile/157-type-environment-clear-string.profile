# expect: 157-type-environment-clear-string.profile:2
environment = { clear = "s"; };
