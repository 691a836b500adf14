# expect: env-keep-star.profile:2: environment.keep[0]: '*' is not a variable name or a PREFIX*
environment = { keep = [ "*" ]; };
