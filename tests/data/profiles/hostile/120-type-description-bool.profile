# expect: 120-type-description-bool.profile:2
description = true;
