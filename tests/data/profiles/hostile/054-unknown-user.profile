# expect: 054-unknown-user.profile:2
process = { user = "no-such-user-x7q"; };
