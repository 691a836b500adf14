# expect: 128-type-include-bool.profile:2
include = true;
