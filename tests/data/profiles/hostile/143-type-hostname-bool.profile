# expect: 143-type-hostname-bool.profile:2
hostname = true;
