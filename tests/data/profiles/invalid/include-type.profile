# expect: include-type.profile:2: include: expected an array, got a string
include = "base";
