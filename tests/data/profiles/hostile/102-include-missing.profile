# expect: 102-include-missing.profile:2
include = [ "no-such-file" ];
