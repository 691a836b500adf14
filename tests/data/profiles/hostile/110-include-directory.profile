# expect: 110-include-directory.profile:2
include = [ "/" ];
