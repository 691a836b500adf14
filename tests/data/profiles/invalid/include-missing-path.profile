# expect: include-missing-path.profile:2: include: 'inc/nope.inc' not found
include = [ "inc/nope.inc" ];
