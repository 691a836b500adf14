# expect: 104-include-not-list.profile:2
include = "inc/empty.inc";
