# expect: 145-type-hostname-array.profile:2
hostname = [ "s" ];
