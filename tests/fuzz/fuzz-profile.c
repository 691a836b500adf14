/* libFuzzer target for the whole profile path: text in memory -> libconfig
 * -> validation -> struct sb_config -> sb_config_print.
 *
 * Beyond "no crash, no leak, no undefined behaviour" (the sanitizers), it
 * checks what every caller relies on:
 * - the verdict and the diagnostics agree (-EINVAL if and only if there is
 *   at least one diagnostic), and every diagnostic starts with a file name
 *   and a ':' (but the "too many problems" line that ends a long list);
 * - a profile that loads prints as a profile that loads again, with no
 *   diagnostic, to a config that prints the same (a fixed point).
 * Includes are looked up in the shipped profiles and the valid fixtures,
 * so the loader's file paths run too. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config-print.h"
#include "config.h"
#include "profile.h"

#define NAME "fuzz.profile"

static const char *const search_dirs[] = {
        SB_FUZZ_SRCDIR "/tests/data/profiles/valid",
        SB_FUZZ_SRCDIR "/profiles",
        NULL,
};

static const struct sb_profile_env env = {
        .home = "/home/fuzz",
        .user = "fuzz",
        .uid = 1000,
        .gid = 1000,
        .xdg_runtime_dir = "/run/user/1000",
        .app = "app",
        .search_dirs = search_dirs,
};

static void fail(const char *what, const char *text, const char *detail)
{
        fprintf(stderr,
                "fuzz-profile: %s\n--- input ---\n%s\n--- detail ---\n%s\n",
                what, text, detail ? detail : "");
        abort();
}

/* Load text; returns the printed config (malloc'd) if it loaded, else
 * NULL. Checks the verdict/diagnostics invariants on the way. */
static char *load_and_print(const char *text, bool *ret_ok)
{
        struct sb_config cfg;
        struct sb_diags d = { 0 };
        sb_config_init(&cfg);
        int r = profile_load_string(text, NAME, &env, &cfg, &d);
        if ((r < 0) != (d.n > 0) || (r < 0 && r != -EINVAL))
                fail("verdict and diagnostics disagree", text,
                     d.n ? d.msgs[0] : "no diagnostic");
        for (size_t i = 0; i < d.n; i++) {
                const char *colon = strchr(d.msgs[i], ':');
                /* The one line without a file: the end of a long list. */
                if (i == d.n - 1 && i > 0 &&
                    strcmp(d.msgs[i], "too many problems; the rest are not "
                                      "shown") == 0)
                        continue;
                if (!colon || colon == d.msgs[i])
                        fail("diagnostic without a file name", text, d.msgs[i]);
        }
        char *out = NULL;
        size_t len = 0;
        if (r == 0) {
                FILE *f = open_memstream(&out, &len);
                if (!f)
                        abort();
                sb_config_print(&cfg, f);
                fclose(f);
        } else if (d.n) {
                /* The diagnostics are printed too: the launcher does. */
                FILE *f = fopen("/dev/null", "we");
                for (size_t i = 0; f && i < d.n; i++)
                        fprintf(f, "%s\n", d.msgs[i]);
                if (f)
                        fclose(f);
        }
        *ret_ok = r == 0;
        sb_diags_free(&d);
        sb_config_free(&cfg);
        return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        /* The API takes a C string; a NUL ends the text early, as in any
         * string a caller could pass. (Files with a NUL are refused before
         * parsing; test-profile covers that.) */
        char *text = malloc(size + 1);
        if (!text)
                return 0;
        memcpy(text, data, size);
        text[size] = '\0';

        bool ok;
        char *first = load_and_print(text, &ok);
        if (ok) {
                bool ok2;
                char *second = load_and_print(first, &ok2);
                if (!ok2)
                        fail("the printed config does not load", text, first);
                if (strcmp(first, second) != 0)
                        fail("printing is not a fixed point", first, second);
                free(second);
        }
        free(first);
        free(text);
        return 0;
}
