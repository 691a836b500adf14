# expect: 023-escape-in-key-error.profile:2
environment = { set = { A-B = "x"; }; };
