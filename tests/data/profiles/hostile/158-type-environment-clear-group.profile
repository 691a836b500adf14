# expect: 158-type-environment-clear-group.profile:2
environment = { clear = { }; };
