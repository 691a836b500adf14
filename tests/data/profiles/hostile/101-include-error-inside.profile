# expect: inc/bad-value.inc:3
include = [ "inc/bad-value.inc" ];
