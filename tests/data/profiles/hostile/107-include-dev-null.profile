# expect: 107-include-dev-null.profile:2
include = [ "/dev/null" ];
