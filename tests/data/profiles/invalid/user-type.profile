# expect: user-type.profile:2: process.user: expected an integer or a string, got a boolean
process = { user = true; };
