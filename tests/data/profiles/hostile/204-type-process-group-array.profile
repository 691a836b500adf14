# expect: 204-type-process-group-array.profile:2
process = { group = [ "s" ]; };
