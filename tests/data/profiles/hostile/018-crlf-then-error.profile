# expect: 018-crlf-then-error.profile:3
hostname = "a";
rlimits = 5;
