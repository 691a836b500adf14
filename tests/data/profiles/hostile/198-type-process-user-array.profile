# expect: 198-type-process-user-array.profile:2
process = { user = [ "s" ]; };
