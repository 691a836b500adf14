# expect: hostname-too-long.profile:2: hostname: must be 1 to 64 characters
hostname = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
