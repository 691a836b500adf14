# expect: 140-type-hostname-int.profile:2
hostname = 5;
