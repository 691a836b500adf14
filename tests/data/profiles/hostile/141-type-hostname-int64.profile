# expect: 141-type-hostname-int64.profile:2
hostname = 5L;
