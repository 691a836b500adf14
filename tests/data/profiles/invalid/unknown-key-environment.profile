# expect: unknown-key-environment.profile:2: environment.claer: unknown key (did you mean 'clear'?)
environment = { claer = true; };
