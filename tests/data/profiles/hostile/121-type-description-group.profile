# expect: 121-type-description-group.profile:2
description = { };
