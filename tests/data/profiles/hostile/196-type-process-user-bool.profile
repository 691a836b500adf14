# expect: 196-type-process-user-bool.profile:2
process = { user = true; };
