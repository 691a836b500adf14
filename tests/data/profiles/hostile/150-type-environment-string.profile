# expect: 150-type-environment-string.profile:2
environment = "s";
