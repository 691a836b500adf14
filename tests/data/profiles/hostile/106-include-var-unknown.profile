# expect: 106-include-var-unknown.profile:2
include = [ "${NOPE}.inc" ];
