# expect: 088-env-keep-star.profile:2
environment = { keep = [ "*" ]; };
