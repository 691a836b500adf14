# expect: host-user-unknown.profile:2: process.host_user: unknown user 'no_such_user_sbx'
process = { host_user = "no_such_user_sbx"; };
