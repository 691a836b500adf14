# expect: 117-type-description-int.profile:2
description = 5;
