# expect: 090-env-keep-empty.profile:2
environment = { keep = [ "" ]; };
