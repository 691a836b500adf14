# expect: env-set-group-type.profile:2: environment.set: expected a group, got a string
environment = { set = "FOO=1"; };
