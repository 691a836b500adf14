# expect: 114-include-symlink-loop.profile:2
include = [ "loop.inc" ];
