# expect: 013-at-include.profile:2
@include "/etc/passwd"
