# expect: 085-cap-number.profile:2
capabilities = { keep = [ "21" ]; };
