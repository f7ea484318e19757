/* test_mt19937.c — the Mersenne Twister against CPython 3.11's random module: for
 * several seeds, random(), randint(1, 100), getrandbits(70), shuffle(range(10)),
 * randrange of 64-bit ranges, getrandbits(64) and uniform(-3, 7), in that order from
 * one seeding. Expected values come from python3 3.11 (generator at the end). */
#include <criterion/criterion.h>
#include <stdint.h>

#include "stdlib/mt19937.h"

static const struct {
    int nkey; uint32_t key[3];
    double rnd[20]; uint64_t randint[5]; uint32_t bits70[3]; int shuffled[10];
    uint64_t big_below[3]; uint64_t bits64; double unif;
} mt_cases[] = {
    {1, {0U}, {0x1.b0580f98a7dbep-1, 0x1.84129978f9c1ap-1, 0x1.aeaa51052e978p-2, 0x1.092178fb945a6p-2, 0x1.05c5ccdf19707p-1, 0x1.9ea70df588b3cp-2, 0x1.914e0c751c4f5p-1, 0x1.36979c7be0decp-2, 0x1.e809082dd48fcp-2, 0x1.2ab10cf910f7dp-1, 0x1.d0f42c0dfaf73p-1, 0x1.026650c8e9dc4p-1, 0x1.209a1991e3308p-2, 0x1.82f8c4c611b50p-1, 0x1.3c9adc7329696p-1, 0x1.0084bbfe5e826p-2, 0x1.d1ca42e21585cp-1, 0x1.f72fa86d218acp-1, 0x1.9ed4cb2685904p-1, 0x1.cde8b20967d0cp-1}, {40, 13, 94, 10, 88}, {1418186270U, 2027837527U, 35U}, {0, 7, 8, 3, 9, 4, 2, 6, 5, 1}, {33998937417ULL, 13276208095222082108ULL, 1ULL}, 15215704140632238870ULL, 0x1.366e399573c70p+2},
    {1, {1U}, {0x1.132d8f91b7584p-3, 0x1.b1e2d5b3584f8p-1, 0x1.870d778409f13p-1, 0x1.0530d08f17f5cp-2, 0x1.fb5355e16737ap-2, 0x1.cc4762bc72882p-2, 0x1.4d9d98184b9dap-1, 0x1.93d38c0d6fe64p-1, 0x1.8072e8f9c8590p-4, 0x1.d071ef2583660p-6, 0x1.abe96758f2a0ap-1, 0x1.bb274a4dc0872p-2, 0x1.86499331191c5p-1, 0x1.140b6c8886900p-9, 0x1.c81394a2171eap-2, 0x1.716db1f3511f8p-1, 0x1.d481499755d4cp-3, 0x1.e3fa85468ae3cp-1, 0x1.cd87e65450c46p-1, 0x1.f52fb02db7360p-6}, {4, 84, 70, 2, 49}, {2948425721U, 930287327U, 62U}, {2, 8, 4, 1, 5, 7, 9, 3, 0, 6}, {483943379517ULL, 8478187466146019482ULL, 1ULL}, 396415130233965017ULL, 0x1.296baf4c06630p+0},
    {1, {42U}, {0x1.4762f307200c5p-1, 0x1.99c6b5eeb2060p-6, 0x1.19a1491f589dcp-2, 0x1.c922b623b8c1cp-3, 0x1.7912c1468f47ep-1, 0x1.5a785aef6719ap-1, 0x1.c8cbc2a2e7490p-1, 0x1.6419f92e55088p-4, 0x1.b00c460411746p-2, 0x1.e83298bfe34a0p-6, 0x1.bfc5443b8faa0p-3, 0x1.02bdeda687799p-1, 0x1.b2c3ec7d6e0c0p-6, 0x1.973831b74d0f8p-3, 0x1.4cbda72ce2822p-1, 0x1.170291dad969ap-1, 0x1.c3765f72ff5d0p-3, 0x1.2db43b51cde06p-1, 0x1.9e6dab37a29ddp-1, 0x1.a9e7184826600p-8}, {21, 90, 55, 44, 36}, {667779376U, 924765563U, 61U}, {9, 7, 6, 4, 2, 0, 3, 8, 1, 5}, {97955870079ULL, 8474893131606635472ULL, 2ULL}, 17950817377536220024ULL, 0x1.8e44dfae48624p+2},
    {1, {12345U}, {0x1.aa9e665dc8a18p-2, 0x1.4d392d1f6f840p-7, 0x1.a68177b361de3p-1, 0x1.31cea56d752c4p-2, 0x1.7940e9f744b88p-2, 0x1.8c9e52452ec40p-3, 0x1.21cbd29beb2a9p-1, 0x1.4b22fc5f811c8p-3, 0x1.fcff45bf93c70p-4, 0x1.bb53a5216b65ap-2, 0x1.1fc8c06824494p-1, 0x1.650e3c9c9cea0p-3, 0x1.1b3fcb4bf4adep-1, 0x1.6b6b44de7ba6ap-2, 0x1.ea8777aee7563p-1, 0x1.75f0cd0fe4d58p-4, 0x1.f5104d2f10a35p-1, 0x1.a602a04ae2fdcp-2, 0x1.0203d10aa9215p-1, 0x1.2f674234a9af4p-3}, {93, 10, 25, 44, 42}, {101022850U, 1970696522U, 21U}, {2, 5, 3, 4, 1, 7, 9, 6, 8, 0}, {913335706037ULL, 16335264531416338290ULL, 2ULL}, 3350919833121026612ULL, 0x1.1769a14e000c7p+2},
    {2, {7U, 256U}, {0x1.3a3761afd4291p-1, 0x1.a13cb57c0715ap-1, 0x1.e3d88c68edf49p-1, 0x1.240a3fed28776p-1, 0x1.e758a5a01babcp-2, 0x1.e571b9e765d1dp-1, 0x1.0395e6844df5cp-3, 0x1.8046c2c2bb21ep-2, 0x1.70853d973deaap-1, 0x1.929dabb8b38dap-2, 0x1.cc360fee844fcp-2, 0x1.cb430dd7d4796p-1, 0x1.cda589d7ab560p-3, 0x1.c9decb9c75c3ap-1, 0x1.807d32a60a2fep-1, 0x1.7042f52322fdcp-3, 0x1.796a84e1fb61ap-1, 0x1.76606d74831ebp-1, 0x1.9762b4249922ap-1, 0x1.4da2a2080e7acp-3}, {33, 10, 97, 48, 18}, {559332164U, 3086474640U, 36U}, {4, 1, 6, 3, 5, 7, 8, 2, 0, 9}, {772398389429ULL, 4815631547433779980ULL, 1ULL}, 13498849305319928660ULL, 0x1.e16c1ca6552eep+1},
    {1, {5U}, {0x1.3eecf89059360p-1, 0x1.7bcb8116f23eep-1, 0x1.97239c6c3047fp-1, 0x1.e288d7f5db50cp-1, 0x1.7ad3fc69bae32p-1, 0x1.d83afb61ec2c4p-1, 0x1.db38beb9086e0p-6, 0x1.dccc2f63529c2p-2, 0x1.e2ffa6cff07a8p-1, 0x1.4c46648351904p-1, 0x1.cd42d44a09da2p-1, 0x1.cfb10ebe5bb28p-4, 0x1.e053a2ef29388p-2, 0x1.f8fb2d617959cp-3, 0x1.1667d2c686bfap-1, 0x1.25db9e8ff508dp-1, 0x1.adb9cbb2edb00p-7, 0x1.bbdcd5687c964p-3, 0x1.1e30a0174e414p-2, 0x1.d52b387784732p-1}, {99, 50, 21, 98, 10}, {596001514U, 2653972764U, 39U}, {3, 9, 5, 4, 1, 6, 0, 8, 2, 7}, {688437323613ULL, 3668860471095815154ULL, 2ULL}, 12503765274145150094ULL, 0x1.a0ef4540c3c4cp+1},
    {3, {1U, 0U, 1U}, {0x1.a0cdc9b6cf9f0p-4, 0x1.731a51dbd35d1p-1, 0x1.00be92f33db62p-2, 0x1.3c52ad2afb6e2p-1, 0x1.b91bf3f64f480p-6, 0x1.68622f0fadf24p-2, 0x1.13cba457bd410p-1, 0x1.37734dcb76144p-1, 0x1.11a5e778e226fp-1, 0x1.a943006bc1d0ep-2, 0x1.0039f137b8ac6p-1, 0x1.ff2375bb4fb10p-1, 0x1.d335d791c67eap-2, 0x1.8a09bfcb2ebecp-1, 0x1.afe5d88cb4726p-2, 0x1.ca3dc4564d7b2p-2, 0x1.e55e5a4e3b0acp-2, 0x1.95ee417ea02b4p-2, 0x1.bab6ada404a73p-1, 0x1.f8f2aab1f9f29p-1}, {82, 16, 40, 87, 55}, {4167579240U, 3041922370U, 58U}, {4, 1, 3, 5, 6, 0, 2, 9, 7, 8}, {989106254555ULL, 7518881731717757367ULL, 1ULL}, 2276133827397226941ULL, -0x1.0bab26d3a7d32p+1},
};
static const uint32_t raw_5489[8] = {3382763572U, 956215839U, 417760592U, 166104981U, 4181578304U, 1596625880U, 357906529U, 1672522146U};

/* random.seed(key words) then the sequence the generator recorded */
static void run_seed(size_t c, int via_u64) {
    MT mt;
    if (via_u64)
        mt_seed_u64(&mt, (uint64_t)mt_cases[c].key[0] | ((uint64_t)mt_cases[c].key[1] << 32));
    else
        mt_init_by_array(&mt, mt_cases[c].key, (size_t)mt_cases[c].nkey);
    for (int i = 0; i < 20; i++)
        cr_assert_eq(mt_random(&mt), mt_cases[c].rnd[i], "seed case %zu random() #%d", c, i);
    for (int i = 0; i < 5; i++)
        cr_assert_eq(1 + mt_randbelow(&mt, 100), mt_cases[c].randint[i], "case %zu randint #%d", c, i);
    uint32_t w[3] = {0, 0, 0};
    cr_assert_eq(mt_getrandbits(&mt, 70, w), 3);
    for (int i = 0; i < 3; i++)
        cr_assert_eq(w[i], mt_cases[c].bits70[i], "case %zu getrandbits(70) word %d", c, i);
    int x[10];
    for (int i = 0; i < 10; i++) x[i] = i;
    for (int i = 9; i >= 1; i--) {
        int j = (int)mt_randbelow(&mt, (uint64_t)i + 1), t = x[i];
        x[i] = x[j]; x[j] = t;
    }
    for (int i = 0; i < 10; i++) cr_assert_eq(x[i], mt_cases[c].shuffled[i], "case %zu shuffle", c);
    static const uint64_t widths[3] = {(1ULL << 40) + 3, UINT64_MAX, 3};
    for (int i = 0; i < 3; i++)
        cr_assert_eq(mt_randbelow(&mt, widths[i]), mt_cases[c].big_below[i], "case %zu randrange %d", c, i);
    cr_assert_eq(mt_getrandbits64(&mt, 64), mt_cases[c].bits64, "case %zu getrandbits(64)", c);
    cr_assert_eq(-3.0 + (7.0 - -3.0) * mt_random(&mt), mt_cases[c].unif, "case %zu uniform", c);
}

Test(mt19937, cpython_sequences) {
    for (size_t c = 0; c < sizeof mt_cases / sizeof mt_cases[0]; c++) run_seed(c, 0);
}

Test(mt19937, seed_u64_builds_the_same_key) {
    for (size_t c = 0; c < sizeof mt_cases / sizeof mt_cases[0]; c++)
        if (mt_cases[c].nkey <= 2) run_seed(c, 1);
}

Test(mt19937, reference_and_small_bits) {
    MT mt;
    mt_init_genrand(&mt, 5489);
    cr_assert_eq(mt_genrand_uint32(&mt), 3499211612U);  /* the MT19937 reference output */
    uint32_t key = 5489;
    mt_init_by_array(&mt, &key, 1);
    for (int i = 0; i < 8; i++) cr_assert_eq(mt_genrand_uint32(&mt), raw_5489[i]);
    uint32_t w[1] = {7};
    cr_assert_eq(mt_getrandbits(&mt, 0, w), 0);
    cr_assert_eq(w[0], 7);
    cr_assert(mt_getrandbits64(&mt, 1) <= 1);
    cr_assert_eq(mt_randbelow(&mt, 1), 0);
}

/* Generator (python3 3.11):
 * import random
 * L = []
 * seeds = [0, 1, 42, 12345, 2**40 + 7, -5, 2**64 + 1]
 * L.append('static const struct {')
 * L.append('    int nkey; uint32_t key[3];')
 * L.append('    double rnd[20]; uint64_t randint[5]; uint32_t bits70[3]; int shuffled[10];')
 * L.append('    uint64_t big_below[3]; uint64_t bits64; double unif;')
 * L.append('} mt_cases[] = {')
 * for s in seeds:
 *     r = random.Random(s)
 *     m = abs(s)
 *     key = []
 *     while True:
 *         key.append(m & 0xffffffff); m >>= 32
 *         if m == 0: break
 *     rnd = [r.random() for _ in range(20)]
 *     ri = [r.randint(1, 100) for _ in range(5)]
 *     b = r.getrandbits(70)
 *     words = [b & 0xffffffff, (b >> 32) & 0xffffffff, b >> 64]
 *     x = list(range(10)); r.shuffle(x)
 *     big = [r.randrange(2**40 + 3), r.randrange(2**64 - 1), r.randrange(3)]
 *     b64 = r.getrandbits(64)
 *     u = r.uniform(-3, 7)
 *     L.append('    {%d, {%s}, {%s}, {%s}, {%s}, {%s}, {%s}, %dULL, %s},' % (
 *         len(key), ', '.join('%dU' % k for k in key), ', '.join(v.hex() for v in rnd),
 *         ', '.join('%d' % v for v in ri), ', '.join('%dU' % w for w in words),
 *         ', '.join(map(str, x)), ', '.join('%dULL' % v for v in big), b64, u.hex()))
 * L.append('};')
 * r = random.Random(); r.seed(5489)  # reference check: raw 32-bit outputs after init_by_array([5489])
 * L.append('static const uint32_t raw_5489[8] = {%s};' % ', '.join('%dU' % r.getrandbits(32) for _ in range(8)))
 * print('\n'.join(L))
 */
