# expect: unknown-key-capabilities.profile:2: capabilities.kep: unknown key (did you mean 'keep'?)
capabilities = { kep = [ "chown" ]; };
