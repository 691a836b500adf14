# expect: unknown-key.profile:2: hostnme: unknown key (did you mean 'hostname'?)
hostnme = "box";
