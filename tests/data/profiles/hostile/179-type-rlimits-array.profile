# expect: 179-type-rlimits-array.profile:2
rlimits = [ "s" ];
