/* fuzz_run.c — libFuzzer target over the whole pipeline: bytes -> lexer -> parser -> compiler
 * -> a run with a step budget and a memory limit. Any crash, sanitizer report or hang is a bug;
 * exceptions raised by the script are the expected outcome for most inputs. */
#include "vm/vm.h"
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

VM *vm_new(const VMConfig *cfg);
void vm_free(VM *vm);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    VMConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.step_budget = 20000;
    cfg.memory_limit = 64u << 20;
    cfg.virtual_time = 1;   /* sleeps (and time.sleep) must not stall the fuzzer: the budget counts no waiting */
    VM *vm = vm_new(&cfg);
    if (!vm) return 0;
    int here;
    vm->stack_base = &here;
    vm->recursion_limit = 200;
    Value mod = module_new(vm, "__main__");
    Dict *globals = ((Module *)mod)->dict;
    dict_set(vm, globals, vm->s___builtins__, vm->builtins_mod);
    Value code = vm_compile(vm, (const char *)data, size, "<fuzz>", 0);
    if (code) vm_run_code(vm, (Code *)code, globals, NULL);
    vm->exc = VNULL;
    vm_free(vm);
    return 0;
}
