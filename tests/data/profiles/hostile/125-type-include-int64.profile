# expect: 125-type-include-int64.profile:2
include = 5L;
