# expect: 059-hostname-dash.profile:2
hostname = "-x";
