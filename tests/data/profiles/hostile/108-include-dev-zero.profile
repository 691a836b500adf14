# expect: 108-include-dev-zero.profile:2
include = [ "/dev/zero" ];
