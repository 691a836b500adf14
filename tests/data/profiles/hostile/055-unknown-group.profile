# expect: 055-unknown-group.profile:2
process = { group = "no-such-group-x7q"; };
