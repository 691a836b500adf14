# expect: group-unknown.profile:2: process.group: unknown group 'no_such_group_sbx'
process = { group = "no_such_group_sbx"; };
