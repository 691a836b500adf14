# expect: unknown-key-case.profile:2: Hostname: unknown key (did you mean 'hostname'?)
Hostname = "box";
