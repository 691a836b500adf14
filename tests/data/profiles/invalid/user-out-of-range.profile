# expect: user-out-of-range.profile:2: process.user: 4294967295 is out of range
process = { user = "4294967295"; };
