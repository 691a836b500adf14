# expect: 144-type-hostname-group.profile:2
hostname = { };
