# expect: 093-unknown-nested-key.profile:2
process = { usr = "root"; };
