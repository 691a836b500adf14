# expect: user-negative.profile:2: process.user: must not be negative
process = { user = -1; };
