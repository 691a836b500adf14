# mupdf: a light PDF and e-book viewer; as evince: no network, the
# display, documents and the starting directory read-only.
description = "MuPDF viewer: no network, documents read-only";
include = [ "evince" ];
hostname = "mupdf";
