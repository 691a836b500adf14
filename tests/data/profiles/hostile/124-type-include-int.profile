# expect: 124-type-include-int.profile:2
include = 5;
