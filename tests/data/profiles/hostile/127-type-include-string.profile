# expect: 127-type-include-string.profile:2
include = "s";
