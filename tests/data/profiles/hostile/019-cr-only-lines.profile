# expect: 019-cr-only-lines.profile:2
hostname = "a";namespaces = 7;