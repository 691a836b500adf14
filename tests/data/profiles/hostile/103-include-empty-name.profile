# expect: 103-include-empty-name.profile:2
include = [ "" ];
