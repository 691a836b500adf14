# expect: 041-rlimit-out-of-range.profile:2
rlimits = { nofile = "18446744073709551616"; };
