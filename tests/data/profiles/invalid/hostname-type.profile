# expect: hostname-type.profile:2: hostname: expected a string, got an integer
hostname = 3;
