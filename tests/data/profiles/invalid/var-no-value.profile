# expect: var-no-value.profile:2: description: '${APP}' has no value here
description = "sandbox for ${APP}";
