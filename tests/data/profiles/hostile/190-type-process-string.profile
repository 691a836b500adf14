# expect: 190-type-process-string.profile:2
process = "s";
