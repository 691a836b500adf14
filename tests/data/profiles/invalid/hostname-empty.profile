# expect: hostname-empty.profile:2: hostname: must be 1 to 64 characters
hostname = "";
