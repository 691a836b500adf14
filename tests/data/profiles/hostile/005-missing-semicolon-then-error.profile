# expect: 005-missing-semicolon-then-error.profile:3
hostname = "a"
namespaces = [ ;
