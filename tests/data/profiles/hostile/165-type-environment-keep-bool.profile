# expect: 165-type-environment-keep-bool.profile:2
environment = { keep = true; };
