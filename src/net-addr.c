/* Pure checks and conversions for the network settings (see net-addr.h).
 * Strict on purpose: inet_pton, not inet_aton, so "10.1" or "010.0.0.1"
 * are refused rather than read as something the user did not mean. */
#include "net-addr.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "util.h"

static unsigned family_bits(int family)
{
        return family == AF_INET ? 32 : 128;
}

const char *net_addr_parse(const char *s, bool want_prefix,
                           struct sb_net_addr *ret)
{
        char buf[64];
        const char *slash = strchr(s, '/');
        size_t alen = slash ? (size_t)(slash - s) : strlen(s);
        if (alen == 0 || alen >= sizeof(buf))
                return "not an IPv4 or IPv6 address";
        memcpy(buf, s, alen);
        buf[alen] = '\0';

        struct sb_net_addr a = { 0 };
        if (inet_pton(AF_INET, buf, a.bytes) == 1)
                a.family = AF_INET;
        else if (inet_pton(AF_INET6, buf, a.bytes) == 1)
                a.family = AF_INET6;
        else
                return "not an IPv4 or IPv6 address";
        unsigned bits = family_bits(a.family);
        a.prefix = bits;

        if (!slash) {
                if (want_prefix)
                        return a.family == AF_INET
                                       ? "needs a prefix length, like "
                                         "10.0.3.2/24"
                                       : "needs a prefix length, like "
                                         "fd00::2/64";
        } else {
                if (!want_prefix)
                        return "an address without a prefix length is "
                               "expected here";
                uint64_t n;
                if (parse_u64(slash + 1, &n) < 0 || n > bits ||
                    strlen(slash + 1) > 3)
                        return a.family == AF_INET
                                       ? "the prefix length must be 0 to 32"
                                       : "the prefix length must be 0 to "
                                         "128";
                a.prefix = (unsigned)n;
        }
        *ret = a;
        return NULL;
}

/* Bit i (from the most significant) of the address. */
static bool bit_at(const struct sb_net_addr *a, unsigned i)
{
        return (a->bytes[i / 8] >> (7 - i % 8)) & 1;
}

bool net_addr_in_subnet(const struct sb_net_addr *net,
                        const struct sb_net_addr *a)
{
        if (net->family != a->family)
                return false;
        for (unsigned i = 0; i < net->prefix; i++)
                if (bit_at(net, i) != bit_at(a, i))
                        return false;
        return true;
}

bool net_addr_equal(const struct sb_net_addr *a, const struct sb_net_addr *b)
{
        return a->family == b->family &&
               memcmp(a->bytes, b->bytes, family_bits(a->family) / 8) == 0;
}

const char *net_addr_host_problem(const struct sb_net_addr *a)
{
        const unsigned char *b = a->bytes;
        unsigned bits = family_bits(a->family);
        bool zero = true;
        for (unsigned i = 0; i < bits / 8; i++)
                zero = zero && b[i] == 0;
        if (zero)
                return "the unspecified address";
        if (a->family == AF_INET) {
                if (b[0] == 127)
                        return "a loopback address";
                if (b[0] >= 224)
                        return "a multicast or reserved address";
                /* In a subnet of more than two addresses, the first and the
                 * last are not for hosts (RFC 3021 allows /31). */
                if (a->prefix <= 30) {
                        bool all0 = true, all1 = true;
                        for (unsigned i = a->prefix; i < bits; i++) {
                                all0 = all0 && !bit_at(a, i);
                                all1 = all1 && bit_at(a, i);
                        }
                        if (all0)
                                return "the network address of its subnet";
                        if (all1)
                                return "the broadcast address of its subnet";
                }
                return NULL;
        }
        static const unsigned char loop6[16] = { [15] = 1 };
        if (memcmp(b, loop6, 16) == 0)
                return "a loopback address";
        if (b[0] == 0xff)
                return "a multicast address";
        if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
                return "a link-local address (the kernel makes those)";
        return NULL;
}

char *net_addr_format(const struct sb_net_addr *a, bool with_prefix, char *buf)
{
        if (!inet_ntop(a->family, a->bytes, buf, INET6_ADDRSTRLEN)) {
                snprintf(buf, NET_ADDR_TEXT_MAX, "?");
                return buf;
        }
        if (with_prefix) {
                size_t n = strlen(buf);
                snprintf(buf + n, NET_ADDR_TEXT_MAX - n, "/%u", a->prefix);
        }
        return buf;
}

const char *net_ifname_problem(const char *s)
{
        size_t n = strlen(s);
        if (n == 0)
                return "an empty interface name";
        if (n >= SB_NET_IFNAMSIZ)
                return "longer than 15 characters (the kernel's limit for "
                       "interface names)";
        if (strcmp(s, ".") == 0 || strcmp(s, "..") == 0)
                return "'.' and '..' are not interface names";
        for (const char *p = s; *p; p++) {
                unsigned char ch = (unsigned char)*p;
                if (ch <= ' ' || ch >= 0x7f || ch == '/' || ch == ':')
                        return "interface names may not contain '/', ':', "
                               "white space or control characters";
        }
        return NULL;
}

const char *net_mac_parse(const char *s, unsigned char ret[6])
{
        unsigned char mac[6];
        if (strlen(s) != 17)
                return "not a MAC address like 02:00:00:00:00:01";
        for (int i = 0; i < 6; i++) {
                const char *p = s + 3 * i;
                int hi = hex_digit(p[0]), lo = hex_digit(p[1]);
                if (hi < 0 || lo < 0 || (i < 5 && p[2] != ':'))
                        return "not a MAC address like 02:00:00:00:00:01";
                mac[i] = (unsigned char)(hi << 4 | lo);
        }
        if (mac[0] & 1)
                return "a multicast MAC address (the first octet is odd)";
        static const unsigned char zero[6];
        if (memcmp(mac, zero, 6) == 0)
                return "the all-zero MAC address";
        memcpy(ret, mac, 6);
        return NULL;
}

const char *net_hostname_problem(const char *s)
{
        size_t n = strlen(s);
        if (n == 0)
                return "an empty host name";
        if (n > 253)
                return "a host name longer than 253 characters";
        if (s[0] == '-' || s[0] == '.')
                return "a host name may not start with '-' or '.'";
        for (const char *p = s; *p; p++)
                if (!isalnum((unsigned char)*p) && !strchr("-_.", *p))
                        return "a host name is made of letters, digits, "
                               "'-', '_' and '.'";
        return NULL;
}

const char *net_hosts_entry_parse(const char *s, char **ret, char **ret_what)
{
        *ret_what = NULL;
        char *copy = xstrdup(s);
        char *save = NULL;
        char *word = strtok_r(copy, " \t", &save);
        if (!word) {
                free(copy);
                return "expected \"ADDRESS NAME...\"";
        }
        struct sb_net_addr a;
        const char *why = net_addr_parse(word, false, &a);
        if (why) {
                *ret_what = xstrdup(word);
                free(copy);
                return why;
        }
        char abuf[NET_ADDR_TEXT_MAX];
        char *line = xasprintf("%s\t", net_addr_format(&a, false, abuf));
        size_t names = 0;
        while ((word = strtok_r(NULL, " \t", &save))) {
                why = net_hostname_problem(word);
                if (why) {
                        *ret_what = xstrdup(word);
                        free(line);
                        free(copy);
                        return why;
                }
                char *next = xasprintf("%s%s%s", line, names ? " " : "", word);
                free(line);
                line = next;
                names++;
        }
        free(copy);
        if (names == 0) {
                free(line);
                return "expected \"ADDRESS NAME...\": no name after the "
                       "address";
        }
        *ret = line;
        return NULL;
}
