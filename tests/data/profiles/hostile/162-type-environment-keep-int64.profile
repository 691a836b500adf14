# expect: 162-type-environment-keep-int64.profile:2
environment = { keep = 5L; };
