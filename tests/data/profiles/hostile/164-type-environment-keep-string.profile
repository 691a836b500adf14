# expect: 164-type-environment-keep-string.profile:2
environment = { keep = "s"; };
