# expect: hostname-dash.profile:2: hostname: '-box' must not start with '-'
hostname = "-box";
