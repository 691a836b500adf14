# expect: 191-type-process-bool.profile:2
process = true;
