# expect: user-minus-string.profile:2: process.user: '-1' is neither a name nor a number
process = { user = "-1"; };
