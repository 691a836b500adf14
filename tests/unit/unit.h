/* What every check suite shares. */
#ifndef SB_TEST_UNIT_H
#define SB_TEST_UNIT_H

#include <check.h>
#include <stdlib.h>

/* Run every case of the suite (each in its own process: some tests drop
 * capabilities or change identity, which cannot be undone) and turn the
 * result into an exit status. */
static inline int unit_run(Suite *s)
{
        SRunner *sr = srunner_create(s);
        srunner_run_all(sr, CK_NORMAL);
        int failed = srunner_ntests_failed(sr);
        srunner_free(sr);
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
