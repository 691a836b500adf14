# expect: environment-clear-type.profile:2: environment.clear: expected a boolean, got an integer
environment = { clear = 1; };
