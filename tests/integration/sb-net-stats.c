/* Test helper: print what net_stats reports for the network namespace of
 * a process, so that t-network.sh can compare it with what the sandbox
 * sent. Output: one "total RX_BYTES RX_PACKETS TX_BYTES TX_PACKETS" line,
 * then one "NAME RX_BYTES RX_PACKETS TX_BYTES TX_PACKETS" per interface. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "net.h"

int main(int argc, char **argv)
{
        if (argc != 2) {
                fprintf(stderr, "usage: %s PID\n", argv[0]);
                return 2;
        }
        struct sb_net_stats st;
        struct sb_error err = { 0 };
        if (net_stats((pid_t)atoi(argv[1]), &st, &err) < 0) {
                fprintf(stderr, "sb-net-stats: %s\n", err.msg);
                return 1;
        }
        printf("total %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 "\n",
               st.rx_bytes, st.rx_packets, st.tx_bytes, st.tx_packets);
        for (size_t i = 0; i < st.n_ifs; i++)
                printf("%s %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 "\n",
                       st.ifs[i].name, st.ifs[i].rx_bytes,
                       st.ifs[i].rx_packets, st.ifs[i].tx_bytes,
                       st.ifs[i].tx_packets);
        return 0;
}
