# expect: var-unknown.profile:2: hostname: unknown variable '${HOEM}' (did you mean '${HOME}'?)
hostname = "${HOEM}";
