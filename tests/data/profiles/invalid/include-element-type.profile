# expect: include-element-type.profile:2: include[0]: expected a string, got an integer
include = [ 1 ];
