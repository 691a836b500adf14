# expect: 152-type-environment-array.profile:2
environment = [ "s" ];
