# expect: 089-env-keep-space.profile:2
environment = { keep = [ "A B" ]; };
