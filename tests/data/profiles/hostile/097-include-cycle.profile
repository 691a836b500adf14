# expect: inc/b.inc:2
include = [ "inc/a.inc" ];
