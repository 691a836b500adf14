# expect: 187-type-process-int.profile:2
process = 5;
