# expect: 119-type-description-float.profile:2
description = 1.5;
