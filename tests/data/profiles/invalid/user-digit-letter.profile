# expect: user-digit-letter.profile:2: process.user: '1a' is neither a name nor a number
process = { user = "1a"; };
