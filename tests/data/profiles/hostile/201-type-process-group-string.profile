# expect: 201-type-process-group-string.profile:2
process = { group = "s"; };
