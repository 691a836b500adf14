# expect: 163-type-environment-keep-float.profile:2
environment = { keep = 1.5; };
