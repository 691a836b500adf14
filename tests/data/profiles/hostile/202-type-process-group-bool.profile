# expect: 202-type-process-group-bool.profile:2
process = { group = true; };
