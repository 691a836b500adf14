# expect: 129-type-include-group.profile:2
include = { };
