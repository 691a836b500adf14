# expect: 188-type-process-int64.profile:2
process = 5L;
