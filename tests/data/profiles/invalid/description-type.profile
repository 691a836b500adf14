# expect: description-type.profile:2: description: expected a string, got a number
description = 1.5;
