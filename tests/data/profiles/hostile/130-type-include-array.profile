# expect: 130-type-include-array.profile:2
include = [ "s" ];
