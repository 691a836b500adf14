# expect: env-set-type.profile:2: environment.set.FOO: expected a string, got an integer
environment = { set = { FOO = 1; }; };
