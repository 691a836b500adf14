# expect: 112-include-huge.profile:3
hostname = "a";
include = [ "huge.inc" ];
