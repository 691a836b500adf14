# expect: env-set-name.profile:2: environment.set.FOO-BAR: not a valid variable name
environment = { set = { FOO-BAR = "x"; }; };
