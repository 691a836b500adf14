# expect: 074-var-unknown.profile:2
process = { cwd = "${HOEM}/x"; };
