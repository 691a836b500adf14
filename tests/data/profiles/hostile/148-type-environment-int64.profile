# expect: 148-type-environment-int64.profile:2
environment = 5L;
