# expect: 166-type-environment-keep-group.profile:2
environment = { keep = { }; };
