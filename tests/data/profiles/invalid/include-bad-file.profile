# expect: inc/bad.inc:2: hostname: expected a string, got an integer
include = [ "inc/bad.inc" ];
