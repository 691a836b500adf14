# expect: 122-type-description-array.profile:2
description = [ "s" ];
