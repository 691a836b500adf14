# expect: 116-include-dotdot-escape.profile:2
include = [ "../../../../../../../../../etc/shadow-none" ];
