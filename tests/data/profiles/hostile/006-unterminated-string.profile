# expect: 006-unterminated-string.profile:4
description = "never ends

