# expect: 275-later-network-274.profile:2
network = { mode = "bogus"; };
