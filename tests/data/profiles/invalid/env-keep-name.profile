# expect: env-keep-name.profile:2: environment.keep[1]: '1ABC' is not a variable name or a PREFIX*
environment = { keep = [ "TERM", "1ABC" ]; };
