# expect: 022-control-chars-in-value.profile:2
hostname = "a\x1b[2J\x07";
