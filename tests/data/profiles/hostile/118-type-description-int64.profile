# expect: 118-type-description-int64.profile:2
description = 5L;
