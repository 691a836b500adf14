# expect: 115-include-dir-inc.profile:2
include = [ "dir.inc" ];
