# expect: include-missing.profile:2: include: 'nope' not found
include = [ "nope" ];
