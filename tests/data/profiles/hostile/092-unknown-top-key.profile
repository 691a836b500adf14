# expect: 092-unknown-top-key.profile:2
hostnme = "x";
