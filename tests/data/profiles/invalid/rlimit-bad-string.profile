# expect: rlimit-bad-string.profile:2: rlimits.as: 'lots': expected a number, a size like "4G" or "unlimited"
rlimits = { as = "lots"; };
