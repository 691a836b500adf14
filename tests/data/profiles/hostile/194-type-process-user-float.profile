# expect: 194-type-process-user-float.profile:2
process = { user = 1.5; };
