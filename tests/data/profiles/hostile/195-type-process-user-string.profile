# expect: 195-type-process-user-string.profile:2
process = { user = "s"; };
