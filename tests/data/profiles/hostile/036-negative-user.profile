# expect: 036-negative-user.profile:2
process = { user = -1; };
