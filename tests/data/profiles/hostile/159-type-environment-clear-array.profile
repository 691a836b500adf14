# expect: 159-type-environment-clear-array.profile:2
environment = { clear = [ "s" ]; };
