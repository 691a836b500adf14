# expect: 004-key-without-value.profile:2
hostname = ;
