# expect: 172-type-environment-set-array.profile:2
environment = { set = [ "s" ]; };
