# evince: a PDF viewer, the classic target of malicious documents. No
# network, so a document cannot send anything out; the display; of the
# home only ~/Documents and ~/Downloads, read-only, and the directory it
# was started from, read-only. It can write nothing of the user's.
description = "Document viewer: no network, documents read-only";
include = [ "base.inc", "home-private.inc", "desktop.inc",
            "cwd-readonly.inc" ];
hostname = "evince";
filesystem = {
  home = { readonly = [ "Documents", "Downloads" ]; };
};
