# expect: inc/self.inc:1
include = [ "inc/self.inc" ];
