/* test_resume.c — resuming a task costs O(1) whatever the depth of its await chain.
 * The step budget counts calls and backward jumps, and every level of a chain that is resumed
 * from the top runs its SEND loop's backward jump once per resume; so a deep chain that gets
 * resumed many times fits in a small budget only if resumes skip the levels above the leaf. */
#include "vm/aspen.h"
#include <criterion/criterion.h>
#include <stdio.h>

/* chain(depth, resumes): depth nested awaits, then `resumes` suspensions of the innermost coroutine on a future. */
static const char *script =
    "import asyncio\n"
    "count = 0\n"
    "async def leaf(n):\n"
    "    global count\n"
    "    loop = asyncio.get_running_loop()\n"
    "    for _ in range(n):\n"
    "        f = loop.create_future()\n"
    "        loop.call_soon(f.set_result, None)\n"
    "        await f\n"
    "        count += 1\n"
    "    return count\n"
    "async def chain(d, n):\n"
    "    if d == 0:\n"
    "        return await leaf(n)\n"
    "    return await chain(d - 1, n)\n"
    "result = asyncio.run(chain(%d, %d))\n";

static AspResult run_chain(int depth, int resumes, uint64_t budget) {
    char src[2048];
    snprintf(src, sizeof src, script, depth, resumes);
    AspConfig cfg = {0};
    cfg.step_budget = budget;
    AspVM *vm = asp_new(&cfg);
    cr_assert_not_null(vm);
    AspResult res = asp_run_string(vm, src, "chain.as");
    if (res == ASP_OK) {
        asp_ensure_slots(vm, 1);
        cr_assert_eq(asp_get_global(vm, NULL, "result", 0), ASP_OK);
        cr_assert_eq(asp_get_slot_int(vm, 0), resumes);
    }
    asp_free(vm);
    return res;
}

Test(resume, deep_chain_fits_the_budget_of_a_shallow_one) {
    /* 2,000 resumes at depth 1 take a few tens of thousands of steps; a resume that walked
     * the chain would add 400 x 2,000 = 800,000 more at depth 400 */
    uint64_t budget = 100000;
    cr_assert_eq(run_chain(1, 2000, budget), ASP_OK, "the shallow chain must fit the budget");
    cr_assert_eq(run_chain(400, 2000, budget), ASP_OK, "resuming depended on the chain's depth");
}

Test(resume, budget_is_tight_enough_to_notice_per_level_work) {
    /* the control: the same budget cannot absorb one step per level and resume */
    cr_assert_eq(run_chain(1, 2000 + 800000 / 10, 100000), ASP_BUDGET);
}
