# expect: 056-user-digits-then-text.profile:2
process = { user = "12ab"; };
