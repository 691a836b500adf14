# expect: user-unknown.profile:2: process.user: unknown user 'no_such_user_sbx'
process = { user = "no_such_user_sbx"; };
