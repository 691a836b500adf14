# expect: 091-env-set-int.profile:2
environment = { set = { A = 5; }; };
