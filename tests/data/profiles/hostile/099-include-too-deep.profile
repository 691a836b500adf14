# expect: *
include = [ "inc/chain0.inc" ];
