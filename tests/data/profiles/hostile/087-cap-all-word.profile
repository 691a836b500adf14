# expect: 087-cap-all-word.profile:2
capabilities = { keep = [ "all" ]; };
