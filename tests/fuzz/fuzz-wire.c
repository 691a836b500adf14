/* libFuzzer target for the wire decoder (config-wire.c), the bytes a
 * setuid launcher takes from its unprivileged profile loader. Beyond the
 * sanitizers' "no crash, no leak, no undefined behaviour" it checks that
 * whatever decodes encodes again to bytes that decode to a config that
 * prints the same (so nothing the decoder accepts is lost or invented),
 * and that a refused message leaves no diagnostic behind. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config-print.h"
#include "config-wire.h"
#include "config.h"

static char *printed(const struct sb_config *cfg)
{
        char *out = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&out, &len);
        if (!f)
                abort();
        sb_config_print(cfg, f);
        fclose(f);
        return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        struct sb_config cfg;
        struct sb_diags d = { 0 };
        struct sb_error err = { 0 };
        int status = 1;
        sb_config_init(&cfg);
        int r = sb_wire_decode(data, size, &status, &d, &cfg, &err);
        if (r < 0 && (r != -EBADMSG || d.n))
                abort();
        if (r == 0 && status == 0) {
                char *buf = NULL;
                size_t len = 0;
                if (sb_wire_encode(0, &d, &cfg, &buf, &len) < 0)
                        abort();
                struct sb_config again;
                struct sb_diags d2 = { 0 };
                int status2 = 1;
                sb_config_init(&again);
                if (sb_wire_decode(buf, len, &status2, &d2, &again, &err) < 0 ||
                    status2 != 0 || d2.n != d.n)
                        abort();
                char *a = printed(&cfg), *b = printed(&again);
                if (strcmp(a, b) != 0)
                        abort();
                free(a);
                free(b);
                free(buf);
                sb_config_free(&again);
                sb_diags_free(&d2);
        }
        sb_config_free(&cfg);
        sb_diags_free(&d);
        return 0;
}
