# expect: include-not-regular.profile:2: include: '/': not a regular file
include = [ "/" ];
