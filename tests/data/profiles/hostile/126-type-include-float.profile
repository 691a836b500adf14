# expect: 126-type-include-float.profile:2
include = 1.5;
