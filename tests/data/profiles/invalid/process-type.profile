# expect: process-type.profile:2: process: expected a group, got a string
process = "nobody";
