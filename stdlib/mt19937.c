/* mt19937.c — MT19937 (Matsumoto & Nishimura) as in CPython's Modules/_randommodule.c,
 * and the integer helpers random.py builds on it. */
#include "stdlib/mt19937.h"

#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

void mt_init_genrand(MT *mt, uint32_t s) {
    uint32_t *m = mt->state;
    m[0] = s;
    for (int i = 1; i < MT_N; i++)
        m[i] = 1812433253U * (m[i - 1] ^ (m[i - 1] >> 30)) + (uint32_t)i;
    mt->index = MT_N;
}

void mt_init_by_array(MT *mt, const uint32_t *key, size_t n) {
    uint32_t *m = mt->state;
    mt_init_genrand(mt, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > n ? MT_N : n; k; k--) {
        m[i] = (m[i] ^ ((m[i - 1] ^ (m[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++; j++;
        if (i >= MT_N) { m[0] = m[MT_N - 1]; i = 1; }
        if (j >= n) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        m[i] = (m[i] ^ ((m[i - 1] ^ (m[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) { m[0] = m[MT_N - 1]; i = 1; }
    }
    m[0] = 0x80000000U;     /* MSB is 1, assuring a non-zero initial array */
}

void mt_seed_u64(MT *mt, uint64_t a) {
    uint32_t key[2] = {(uint32_t)a, (uint32_t)(a >> 32)};
    mt_init_by_array(mt, key, key[1] ? 2 : 1);
}

static void mt_twist(MT *mt) {
    static const uint32_t mag01[2] = {0, MATRIX_A};
    uint32_t *m = mt->state, y;
    int kk = 0;
    for (; kk < MT_N - MT_M; kk++) {
        y = (m[kk] & UPPER_MASK) | (m[kk + 1] & LOWER_MASK);
        m[kk] = m[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; kk < MT_N - 1; kk++) {
        y = (m[kk] & UPPER_MASK) | (m[kk + 1] & LOWER_MASK);
        m[kk] = m[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
    }
    y = (m[MT_N - 1] & UPPER_MASK) | (m[0] & LOWER_MASK);
    m[MT_N - 1] = m[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
    mt->index = 0;
}

uint32_t mt_genrand_uint32(MT *mt) {
    if (mt->index >= MT_N) mt_twist(mt);
    uint32_t y = mt->state[mt->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

double mt_random(MT *mt) {
    uint32_t a = mt_genrand_uint32(mt) >> 5, b = mt_genrand_uint32(mt) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

size_t mt_getrandbits(MT *mt, int64_t k, uint32_t *words_out) {
    if (k <= 0) return 0;
    size_t words = (size_t)((k - 1) / 32 + 1);
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t r = mt_genrand_uint32(mt);
        if (k < 32) r >>= (32 - k);     /* drop the least significant bits */
        words_out[i] = r;
    }
    return words;
}

uint64_t mt_getrandbits64(MT *mt, int k) {
    uint32_t w[2] = {0, 0};
    mt_getrandbits(mt, k, w);
    return (uint64_t)w[0] | ((uint64_t)w[1] << 32);
}

uint64_t mt_randbelow(MT *mt, uint64_t n) {
    if (n == 0) return 0;
    int k = 64 - __builtin_clzll(n);    /* n.bit_length(), not of n - 1: n may be 1 */
    uint64_t r = mt_getrandbits64(mt, k);
    while (r >= n) r = mt_getrandbits64(mt, k);
    return r;
}
