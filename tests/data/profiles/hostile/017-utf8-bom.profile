# expect: 017-utf8-bom.profile:2
﻿hostname = "a";
