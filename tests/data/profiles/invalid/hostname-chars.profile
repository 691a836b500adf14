# expect: hostname-chars.profile:2: hostname: 'a_b': only letters, digits, '.' and '-' are allowed
hostname = "a_b";
