# expect: 098-include-own-profile.profile:2
include = [ "098-include-own-profile.profile" ];
