# expect: include-empty-name.profile:2: include[0]: empty name
include = [ "" ];
