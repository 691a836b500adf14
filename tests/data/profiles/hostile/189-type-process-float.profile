# expect: 189-type-process-float.profile:2
process = 1.5;
