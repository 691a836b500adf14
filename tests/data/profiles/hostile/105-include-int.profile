# expect: 105-include-int.profile:2
include = [ 5 ];
