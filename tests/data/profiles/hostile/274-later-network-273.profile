# expect: 274-later-network-273.profile:2
network = 5;
