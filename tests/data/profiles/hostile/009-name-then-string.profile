# expect: 009-name-then-string.profile:2
a "x"
