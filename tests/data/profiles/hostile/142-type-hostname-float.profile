# expect: 142-type-hostname-float.profile:2
hostname = 1.5;
