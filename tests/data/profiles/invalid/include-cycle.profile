# expect: inc/cycle.inc:2: include: include cycle: include-cycle.profile -> inc/cycle.inc -> inc/../include-cycle.profile
include = [ "inc/cycle.inc" ];
